// What the sweep commands that talk to a running cluster share: the id argument, the connection flags, and
// resolving an id to its coordinator with clear errors.
using System.CommandLine;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Commands;

public static class SweepCommandBase
{
    public static Argument<string> IdArgument() => new("ID") { Description = "The sweep id printed by `sweep submit`." };

    /// <summary>Refuses a malformed id before anything connects (exit code 2, the id named).</summary>
    public static string RequireValidId(string id) =>
        SweepIds.IsValid(id) ? id : throw new UnknownSweepException($"'{id}' is not a sweep id: {SweepIds.Rule}");

    /// <summary>The coordinator of an existing sweep, or UnknownSweepException; the call is retried through a failover.</summary>
    /// <exception cref="ClusterUnavailableException">The coordinator did not answer before the retry deadline.</exception>
    public static Task<(ISweepCoordinatorGrain Coordinator, SweepProgress Progress)> FindAsync(SweepAccess access, string id, CancellationToken cancellation) =>
        FindAsync(access.Grains, access.Calls, id, cancellation);

    public static async Task<(ISweepCoordinatorGrain Coordinator, SweepProgress Progress)> FindAsync(IGrainFactory grains, CallRetry calls, string id,
        CancellationToken cancellation)
    {
        RequireValidId(id);
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var progress = await calls.RunAsync($"the progress of sweep {id}", coordinator.GetProgressAsync, cancellation)
            ?? throw new UnknownSweepException($"no sweep with id '{id}' on this cluster (see `sweep list`)");
        return (coordinator, progress);
    }
}
