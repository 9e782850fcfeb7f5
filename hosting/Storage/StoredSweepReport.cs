// Builds a sweep's ranked report from the store alone, with no silo and no coordinator activation: the coordinator's
// stored state (the grain_state row its grain writes at every trial end and decision) is deserialized and restored
// into the same SweepMachine the grain would restore, the report is built from it by the same code the grain runs,
// and the plotted trials' histories are read from the epochs table (a handful of trials, not the sweep's epochs), their
// per-step applied schedules from their stored checkpoints, as the grain reads them from its trial grains.
// So the content is the coordinator's as of its last stored state. It does not read the run tables (StudyRunTables
// does) and renders nothing.
using Orleans.Serialization;
using SweepCluster.Coordination;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Grains;
using SweepCluster.Grains.Coordination;
using SweepCluster.Grains.Trials;
using SweepCluster.Reporting;
using SweepCluster.Store;
using SweepCluster.Store.GrainState;

namespace SweepCluster.Hosting.Storage;

/// <summary>A sweep's <see cref="SweepReport"/> from a <see cref="StudyStore"/>'s coordinator state and epochs.</summary>
public static class StoredSweepReport
{
    /// <summary>The grain type Orleans names <see cref="SweepCoordinatorGrain"/> by (its class name without "Grain",
    /// lower case): the first part of its stored state's key.</summary>
    public const string CoordinatorGrainType = "sweepcoordinator";

    /// <summary>The coordinator's persistent state name (its <c>[PersistentState("sweep", ...)]</c>).</summary>
    public const string CoordinatorStateName = "sweep";

    /// <summary>The grain type Orleans names the trial grain by (TrialGrain).</summary>
    public const string TrialGrainType = "trial";

    /// <summary>The trial grain's checkpoint state name (its <c>[PersistentState("checkpoint", ...)]</c>).</summary>
    public const string CheckpointStateName = "checkpoint";

    /// <summary>The report of sweep <paramref name="sweepId"/> as its coordinator last stored it; null when the store
    /// holds no coordinator state for it (no such sweep, or one whose silo kept grain state elsewhere).</summary>
    /// <param name="serializer">Orleans' serializer, as the silo's grain storage uses it (<see cref="StoreSerializer"/>
    /// outside a silo).</param>
    /// <exception cref="StoreException">The store cannot be read.</exception>
    public static async Task<SweepReport?> BuildAsync(StudyStore store, Serializer serializer, string sweepId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        var stored = await store.GrainState.ReadAsync(new GrainStateKey(CoordinatorGrainType, sweepId, CoordinatorStateName), cancellationToken);
        if (stored is null) return null;
        var report = await Task.Run(() => Build(serializer, sweepId, stored.Payload), cancellationToken);
        if (report is null) return null;
        var histories = new Dictionary<int, IReadOnlyList<EpochRecord>>();
        var applied = new Dictionary<int, AppliedSteps>();
        foreach (var trial in SweepReportSource.CurveTrials(report))
        {
            histories[trial] = (await store.ReadEpochsAsync(sweepId, trial, cancellationToken)).Select(row => row.Record).ToArray();
            if (await AppliedStepsAsync(store, serializer, sweepId, trial, cancellationToken) is { } steps) applied[trial] = steps;
        }
        return SweepReportSource.WithCurveHistories(report, histories, applied);
    }

    /// <summary>The per-step schedules trial <paramref name="trial"/> applied, from its last stored checkpoint; null
    /// without one.</summary>
    private static async Task<AppliedSteps?> AppliedStepsAsync(StudyStore store, Serializer serializer, string sweepId, int trial,
        CancellationToken cancellationToken)
    {
        var key = new GrainStateKey(TrialGrainType, $"{sweepId}/{trial}", CheckpointStateName);
        var stored = await store.GrainState.ReadAsync(key, cancellationToken);
        return stored is not null && serializer.Deserialize<TrialCheckpointState>(stored.Payload)?.Bytes is { } bytes
            ? AppliedStepsReader.FromCheckpoint(bytes)
            : null;
    }

    private static SweepReport? Build(Serializer serializer, string sweepId, byte[] payload)
    {
        var state = serializer.Deserialize<CoordinatorState>(payload);
        return state?.Restore(new SweepCoordinatorOptions().ReconcilePeriod, PlanConfigurations.Keep) is { } machine
            ? SweepReportBuilder.Build(SweepReportSource.Input(sweepId, machine))
            : null;
    }
}
