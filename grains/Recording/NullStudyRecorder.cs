// The recorder of a silo without study tables (test clusters that bring their own grain storage): records nothing.
using SweepCluster.Coordination;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Grains.Recording;

/// <summary>An <see cref="IStudyRecorder"/> that records nothing.</summary>
public sealed class NullStudyRecorder : IStudyRecorder
{
    public Task RecordSweepAsync(StudySweep sweep) => Task.CompletedTask;

    public void RecordSweepStatus(string sweepId, SweepStatus status, DateTimeOffset? finished)
    {
    }

    public void RecordTrial(string sweepId, SweepPlan plan, TrialSummary trial)
    {
    }

    public void RecordEpochs(string sweepId, int trialIndex, IReadOnlyList<EpochRecord> epochs)
    {
    }

    public Task DeleteSweepAsync(string sweepId) => Task.CompletedTask;

    public Task<IReadOnlyDictionary<int, int>?> CountEpochRowsAsync(string sweepId) => Task.FromResult<IReadOnlyDictionary<int, int>?>(null);
}
