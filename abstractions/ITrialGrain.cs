using SweepCluster.Core;
using Orleans.Concurrency;

namespace SweepCluster.Abstractions;

/// <summary>
/// One trial of one sweep (key: "{sweepId}/{trialIndex}"). Trains off the Orleans scheduler on a dedicated thread,
/// at most the silo's slot count at once, and keeps its latest checkpoint and result in grain storage.
/// </summary>
public interface ITrialGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts (or resumes from its checkpoint) the given attempt and returns at once with the trial's state. Idempotent:
    /// a trial already training adopts the newer attempt number; a trial that already finished returns its result.
    /// </summary>
    Task<TrialStatusReport> StartAsync(TrialAssignment assignment);

    /// <summary>The trial's state with its whole history; answers even while the grain is busy.</summary>
    [AlwaysInterleave]
    Task<TrialSnapshot> GetSnapshotAsync();

    /// <summary>The trial's state without its history (what a coordinator reconciles with); answers while busy.</summary>
    [AlwaysInterleave]
    Task<TrialStatusReport> GetStatusAsync();

    /// <summary>Every epoch the trial stored, in order; answers even while the grain is busy.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<EpochRecord>> GetHistoryAsync();

    /// <summary>The latest checkpoint, for a trial that copies this one (population-based training's exploit).</summary>
    [AlwaysInterleave]
    Task<TrialCheckpointCopy> GetCheckpointAsync();

    /// <summary>
    /// A trial spec (YAML) that replays what this trial applied up to its latest checkpoint, with `schedule: recorded`
    /// schedules; null before the first checkpoint.
    /// </summary>
    [AlwaysInterleave]
    Task<string?> GetReplayAsync();

    /// <summary>A paused trial that will not be resumed ends Pruned (a no-op in any other state).</summary>
    Task PruneAsync(string? reason);

    /// <summary>Stops training at the next batch; the trial ends Cancelled.</summary>
    [AlwaysInterleave]
    Task CancelAsync();

    /// <summary>Clears the trial's stored state and checkpoint (its sweep is deleted); false, with nothing changed,
    /// while an attempt still trains.</summary>
    Task<bool> ForgetAsync();
}
