// A silo started on a store that already holds sweeps resumes the ones that were running when the last silo stopped
// (or was killed): once the silo is active it activates their coordinators, which restore their state, ask their
// trials and carry on. Nothing else would wake them: reminders of a single-machine silo live in memory.
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Hosting.Storage;

/// <summary>Activates the coordinators of running sweeps at silo start.</summary>
public sealed class RunningSweepResumption(SiloStore store, IGrainFactory grains, ILogger<RunningSweepResumption> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long a coordinator's activation retries transient failures (a silo that just started).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RunningSweepResumption), ServiceLifecycleStage.Active, ResumeAsync);

    private async Task ResumeAsync(CancellationToken cancellation)
    {
        if (store.Selection.Kind == StoreKind.Memory) return;
        var running = (await store.Store.ListSweepsAsync(cancellation)).Where(sweep => sweep.Status == SweepStatus.Running).ToArray();
        if (running.Length == 0) return;
        logger.LogInformation("Resuming {Count} running sweep(s) found in {Store}: {Sweeps}", running.Length, store.Store.Name,
            string.Join(", ", running.Select(sweep => sweep.Id)));
        // In the background: a silo's start must not wait for its sweeps' coordinators.
        _ = Task.WhenAll(running.Select(sweep => ActivateAsync(sweep.Id)));
    }

    private async Task ActivateAsync(string sweepId)
    {
        try
        {
            await TransientFailures.RetryAsync(() => grains.GetGrain<ISweepCoordinatorGrain>(sweepId).GetProgressAsync(), Patience);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "The coordinator of running sweep {Sweep} did not activate; the next call to it resumes it", sweepId);
        }
    }
}
