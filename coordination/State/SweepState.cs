// The sweep's bookkeeping as the coordinator stores it (beside the submission, from which the trials are re-derived):
// where the sweep is, one fixed-size summary per trial and the trial scheduler's state. Immutable: every change is a `with`;
// the trial list is an ImmutableList, so replacing one summary costs O(log trials), not a copy of the sweep.
using System.Collections.Immutable;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;

namespace SweepCluster.Coordination.State;

/// <param name="Scheduler">The trial scheduler's saved state (ITrialScheduler.SaveState); null for FIFO, which keeps
/// none. Id 6: id 5 held it as JSON text before and is not reused; such a stored text is not read (a sweep stored
/// before reads back with its scheduler in its initial state).</param>
/// <param name="Extensions">What `sweep extend` added to the spec's trials, in order; null or empty for none. The
/// plan is the spec plus these, so an extended sweep's trials are planned again after a restart.</param>
/// <param name="Resumes">How often the sweep was resumed after a cancel: its trials' lives are numbered by it.</param>
/// <param name="Suggestions">A model-based search's suggestions, by combination (combinations 0..Count−1 have one);
/// null for grid and random search, whose combinations follow from the spec alone.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepState")]
public sealed record SweepState(
    [property: Id(0)] string Name,
    [property: Id(1)] SweepStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? FinishedAt,
    [property: Id(4)] ImmutableList<TrialSummary> Trials,
    [property: Id(6)] SchedulerSnapshot? Scheduler,
    [property: Id(7)] ImmutableList<SweepExtension>? Extensions = null,
    [property: Id(8)] int Resumes = 0,
    [property: Id(9)] ImmutableList<SuggestedCombination>? Suggestions = null);
