// The lifetime of a host embedded in another program (the CLI's silo of `sweep run`, its cluster connection): it
// takes no signals. The default console lifetime would take Ctrl+C and SIGTERM for itself and only mark the host as
// stopping, which nothing embedded waits for, so the program's own handling (stop the sweep, write its report) would
// race with it. The program stops the host itself.
using Microsoft.Extensions.Hosting;

namespace SweepCluster.Hosting;

public sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
