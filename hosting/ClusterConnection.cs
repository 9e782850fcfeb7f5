// Connects a client (the CLI, the multi-host test, the scaling benchmark) to a running cluster as an Orleans client,
// with a clear error (not a stack trace) when no silo answers. Every call the CLI then makes is short: it polls, it
// never holds a call open for a trial's length.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SweepCluster.Hosting;

/// <summary>A connected cluster client; disposing it disconnects.</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>Connection attempts before giving up (a silo that is still starting gets a few seconds).</summary>
    private const int ConnectAttempts = 3;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>However the attempts go, the command says what happened within this time.</summary>
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

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
        var attempts = 0;
        try
        {
            await ClientClustering.CheckAsync(target, cancellation);
        }
        catch (ClusterStartupException error)
        {
            throw new ClusterUnavailableException(error.Message, error);
        }
        builder.UseOrleansClient(client => client
            .UseClustering(target)
            .UseConnectionRetryFilter(async (_, token) =>
            {
                if (++attempts >= ConnectAttempts) return false;
                await Task.Delay(RetryDelay, token);
                return true;
            }));
        var host = builder.Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"no SweepCluster silo answered at {target.Describe()} (cluster '{target.ClusterId}', {attempts} attempt(s) in " +
                $"{ConnectTimeout.TotalSeconds:0} s at most): {error.Message.TrimEnd('.')}. " +
                (!target.IsRemote
                    ? "Start one with `dotnet run --project silo`, or use `sweep run` for an embedded silo."
                    : "Check that the silos run, that their gateway ports are open, and the --cluster-id and --service-id."), error);
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
