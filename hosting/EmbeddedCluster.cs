// The embedded default: a silo inside this process (localhost clustering on a free port, no gateway), so `sweep run`
// needs no service at all; the caller talks to it through the silo's own grain factory. Its store is a SQLite file
// (`sweep run`'s default), memory (the API's default: benchmarks) or PostgreSQL; it is opened before the silo starts,
// so a bad store is reported (a StoreException) before anything runs.
// With an HTTP port it is also a web host (dashboard and sweep pages on loopback), as a silo program is. The CLI and
// the benchmarks run their sweeps on it.
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Hosting;

public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedCluster(IHost host, int slots)
    {
        _host = host;
        Slots = slots;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory Grains { get; }
    public int Slots { get; }

    /// <summary>How messages name the silo's store.</summary>
    public string StoreName => _host.Services.GetRequiredService<SiloStore>().Store.Name;

    /// <param name="httpPort">0: no web host; else the loopback port of the dashboard and sweep pages.</param>
    /// <param name="store">The <c>--store</c> value: a SQLite file's path, <c>memory</c> or <c>postgres</c>.</param>
    /// <param name="storeConnectionFile">With <c>postgres</c>: the file holding the connection string (else the environment's).</param>
    /// <param name="resumeRunningSweeps">Whether the sweeps the store says were running go on (as in a silo program);
    /// false for a silo started only to read or change one sweep.</param>
    /// <exception cref="ArgumentException">A setting cannot be used (e.g. the HTTP port is taken); the message names the flag.</exception>
    /// <exception cref="StoreException">The store cannot be used (corrupt, served by another silo, unreachable, ...).</exception>
    public static async Task<EmbeddedCluster> StartAsync(int slots, CancellationToken cancellation, int httpPort = 0,
        string store = StoreSelection.MemoryValue, string? storeConnectionFile = null, bool resumeRunningSweeps = true)
    {
        var options = new SweepSiloOptions
        {
            Slots = slots,
            SiloPort = FreeLoopbackPort(),
            GatewayPort = 0,
            ClusterId = $"sweep-run-{Environment.ProcessId}",
            HttpPort = httpPort,
            Store = store,
            StoreConnectionFile = storeConnectionFile,
            ResumeRunningSweeps = resumeRunningSweeps,
        };
        var host = SweepSiloHost.Build(options);
        try
        {
            await SweepSiloHost.OpenStoreAsync(host, cancellation);
            await host.StartAsync(cancellation);
        }
        catch (Exception error) when (SweepSiloHost.DescribeStartFailure(error, options) is { } message)
        {
            host.Dispose();
            throw new ArgumentException(message, error);
        }
        catch
        {
            host.Dispose();
            throw;
        }
        return new EmbeddedCluster(host, options.EffectiveSlots);
    }

    /// <summary>Writes every study row queued so far (the store's batching writer writes them in the background).</summary>
    public Task FlushStoreAsync(CancellationToken cancellation = default) =>
        _host.Services.GetRequiredService<SiloStore>().Writer.FlushAsync(cancellation);

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
