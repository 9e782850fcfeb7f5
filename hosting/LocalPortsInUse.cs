// Localhost clustering makes a cluster of one machine, so a second silo started there with the same ports would not
// join the first: it would be a second, separate cluster, and each would believe it is alone. Orleans does not stop it:
// its listener (Orleans.Networking.Shared.SocketConnectionListener) sets SocketOptionName.ReuseAddress before it binds,
// which .NET on Linux turns into SO_REUSEADDR *and* SO_REUSEPORT, so a second silo binds 127.0.0.1:11111 and
// 127.0.0.1:30000 beside the first without an error (`ss -ltnp` shows two listeners on each port), and the kernel then
// spreads new connections between the two. This check asks the loopback before Orleans starts: a port that accepts a
// connection is already served. It does not bind a probe listener: that also fails on ports held by mere client
// connections, and says nothing about a listener that Orleans would share anyway. Two silos started at the same
// instant can both pass it; it is for the common case, a second silo started later.
using System.Net;
using System.Net.Sockets;

namespace SweepCluster.Hosting;

public static class LocalPortsInUse
{
    /// <summary>How long one connection attempt to a loopback port may take; on loopback a listener answers in
    /// milliseconds and a free port refuses at once, so an attempt that takes longer counts as not served.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// For localhost clustering: the one-line refusal when this machine's loopback already serves the silo port or the
    /// gateway port of <paramref name="options"/> (another silo would make this one a second, separate cluster); null
    /// when neither is served, and always for PostgreSQL or Redis clustering (silos there join through the store).
    /// </summary>
    public static async Task<string?> RefusalAsync(SweepSiloOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Clustering != ClusteringKind.Localhost) return null;
        var siloPortServed = await IsServedAsync(options.SiloPort, ConnectTimeout, cancellation);
        var gatewayPortServed = options.GatewayPort != 0 && await IsServedAsync(options.GatewayPort, ConnectTimeout, cancellation);
        return siloPortServed || gatewayPortServed ? Describe(options, siloPortServed, gatewayPortServed) : null;
    }

    /// <summary>Whether a connection to 127.0.0.1:<paramref name="port"/> is accepted within <paramref name="timeout"/>.</summary>
    public static async Task<bool> IsServedAsync(int port, TimeSpan timeout, CancellationToken cancellation)
    {
        using var client = new TcpClient(AddressFamily.InterNetwork);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        bounded.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, bounded.Token);
            return true;
        }
        catch (SocketException)
        {
            return false; // refused: nothing listens there
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The refusal naming the served port(s), how to reach the silo that serves them, and the flags that start
    /// a silo of one cluster or a separate one.</summary>
    public static string Describe(SweepSiloOptions options, bool siloPortServed, bool gatewayPortServed)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ports = (siloPortServed, gatewayPortServed) switch
        {
            (true, true) => $"silo port {options.SiloPort} and gateway port {options.GatewayPort} are",
            (true, false) => $"silo port {options.SiloPort} is",
            _ => $"gateway port {options.GatewayPort} is",
        };
        var submit = gatewayPortServed
            ? $"`sweep submit SPEC --gateway-port {options.GatewayPort}`"
            : "`sweep submit SPEC --gateway-port P` (P: that silo's gateway port)";
        return $"{ports} already served on this machine, most likely by another SweepCluster silo (localhost clustering " +
               "makes a cluster of one machine, so this one would be a second, separate cluster). " +
               $"Submit to it with {submit}, or, for several silos in one cluster, start them with --clustering postgres " +
               "(see docs/several-machines.md); to run a separate silo on purpose, give it other --silo-port, --gateway-port and --http-port.";
    }
}
