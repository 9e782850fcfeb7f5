// The checkpoint policy a trial assignment carries as two plain numbers (the grain interfaces know no sweep spec).
using SweepCluster.Abstractions;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Grains.Trials;

public static class TrialAssignmentExtensions
{
    /// <summary>When the trial stores a checkpoint: every <see cref="TrialAssignment.CheckpointEvery"/> epochs, or
    /// after the first epoch ending <see cref="TrialAssignment.CheckpointSeconds"/> after the last.</summary>
    public static CheckpointPolicy Checkpoints(this TrialAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new CheckpointPolicy(assignment.CheckpointEvery, assignment.CheckpointSeconds);
    }
}
