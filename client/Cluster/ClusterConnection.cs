// Connects the CLI to a running cluster as an Orleans client, with a clear error (not a stack trace) when no silo
// answers. Every call the CLI then makes is short: it polls, it never holds a call open for a trial's length.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SweepCluster.Cli.Cluster;

/// <summary>A connected cluster client; disposing it disconnects.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IClusterClient>();
    }

    public IGrainFactory Grains { get; }

    /// <exception cref="ClusterUnavailableException">No silo answered at the target.</exception>
    public static async Task<ClusterConnection> ConnectAsync(ClusterTarget target, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client.UseLocalhostClustering(target.GatewayPort, target.ServiceId, target.ClusterId));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"no SweepCluster silo answered at localhost:{target.GatewayPort} (cluster '{target.ClusterId}'): {error.Message}. " +
                "Start one with `dotnet run --project silo`, or use `sweep run` for an embedded silo.", error);
        }
        return new ClusterConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync();
        }
        finally
        {
            _host.Dispose();
        }
    }
}

/// <summary>The cluster could not be reached; the message says what was tried and what to do.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);
