// How grains hand what a sweep produces to the study tables (sweeps, trials, epochs) without knowing SQL: the silo
// registers one recorder (hosting's store-backed one, or NullStudyRecorder where there are no study tables). Every
// call returns at once or soon and never throws: a recording failure is logged by the recorder, never felt by a
// trial or a coordinator.
using SweepCluster.Coordination;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Grains.Recording;

/// <summary>Records sweeps, trials and epochs in the study tables.</summary>
public interface IStudyRecorder
{
    /// <summary>A sweep was submitted (or its coordinator was restored): inserts or replaces its row; completes once
    /// the row is stored (or storing it failed and was logged), so its trials' rows that follow are kept.</summary>
    Task RecordSweepAsync(StudySweep sweep);

    /// <summary>A sweep's status changed (it ended or was cancelled).</summary>
    void RecordSweepStatus(string sweepId, SweepStatus status, DateTimeOffset? finished);

    /// <summary>Trial <paramref name="trial"/>'s summary changed: queues its row.</summary>
    void RecordTrial(string sweepId, SweepPlan plan, TrialSummary trial);

    /// <summary>A trial recorded these epochs (again, after a resume: rows are replaced by key, never doubled).</summary>
    void RecordEpochs(string sweepId, int trialIndex, IReadOnlyList<EpochRecord> epochs);

    /// <summary>Deletes the sweep's rows (sweep, trials, epochs) once every row queued before is written; completes
    /// when they are gone (or deleting them failed and was logged).</summary>
    Task DeleteSweepAsync(string sweepId);

    /// <summary>How many epoch rows each trial of the sweep has (a restored coordinator re-records the histories of
    /// ended trials whose last rows were lost with a killed silo); null without study tables or when they cannot be read.</summary>
    Task<IReadOnlyDictionary<int, int>?> CountEpochRowsAsync(string sweepId);
}
