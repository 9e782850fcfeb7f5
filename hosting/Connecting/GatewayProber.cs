// Tells "nothing listens" from "something listens" at each gateway the client was given, with one plain TCP
// connection each: the Orleans client's own errors do not say which it was.
using System.Net.Sockets;
using Orleans.Messaging;

namespace SweepCluster.Hosting;

public static class GatewayProber
{
    /// <summary>How long one probe waits for the TCP handshake.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The gateways the client's clustering lists now (static, localhost or a membership table); empty when
    /// the list itself cannot be read.</summary>
    public static async Task<IReadOnlyList<Uri>> ListAsync(IGatewayListProvider provider)
    {
        try
        {
            await provider.InitializeGatewayListProvider();
            return [.. await provider.GetGateways()];
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return [];
        }
    }

    public static Task<GatewayProbe[]> ProbeAsync(IEnumerable<Uri> gateways, CancellationToken cancellation) =>
        Task.WhenAll(gateways.Select(g => ProbeAsync(g.Host, g.Port, cancellation)));

    public static async Task<GatewayProbe> ProbeAsync(string host, int port, CancellationToken cancellation)
    {
        var endpoint = $"{host}:{port}";
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            return new GatewayProbe(endpoint, GatewayAnswer.Listening);
        }
        catch (SocketException error) when (error.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new GatewayProbe(endpoint, GatewayAnswer.Refused);
        }
        catch (Exception error) when (error is SocketException || (error is OperationCanceledException && !cancellation.IsCancellationRequested))
        {
            return new GatewayProbe(endpoint, GatewayAnswer.NoAnswer);
        }
    }
}
