// Opens the silo's store when the host starts, before Orleans does (it is registered first), and closes it after
// Orleans has stopped (hosted services stop in reverse order), so the grains' last rows are written.
using Microsoft.Extensions.Hosting;

namespace SweepCluster.Hosting.Storage;

/// <summary>The silo store's place in the host's start and stop.</summary>
public sealed class SiloStoreService(SiloStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.OpenAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await store.DisposeAsync();
}
