// What a coordinator grain stores: the submission as the user wrote it (the plan is derived from it again on every
// activation) and the state machine's state.
using SweepCluster.Coordination;
using SweepCluster.Coordination.State;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

/// <param name="Submission">The spec as submitted; null while no sweep has this id.</param>
/// <param name="Sweep">The bookkeeping (SweepMachine.State); null while no sweep has this id.</param>
/// <param name="DataSha256">Not written any more: the submission carries its data files' hashes, and the sweep trains
/// on their stored copies. Kept so that state stored by earlier versions still reads.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.CoordinatorState")]
public sealed record CoordinatorState(
    [property: Id(0)] SweepSubmission? Submission,
    [property: Id(1)] SweepState? Sweep,
    [property: Id(2)] string? DataSha256 = null)
{
    public CoordinatorState() : this(null, null) { }

    /// <summary>The state machine as stored (its plan derived from the submission again); null while no sweep has this
    /// id. The coordinator restores itself with it on activation; a store reader builds the report from it (and has
    /// the plan keep its configurations, which the report reads right after).</summary>
    public SweepMachine? Restore(TimeSpan reconcilePeriod, PlanConfigurations keep = PlanConfigurations.Recompute) =>
        Submission is { } submission && Sweep is { } stored
            ? SweepMachine.Restore(SweepPlan.Create(SubmissionCheck.Parse(submission), keep), stored, reconcilePeriod)
            : null;
}
