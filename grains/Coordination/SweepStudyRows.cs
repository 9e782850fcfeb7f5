// What a sweep coordinator hands its silo's study recorder: the sweep's row, each changed trial's summary, and the
// epochs of ended trials whose rows were lost with a killed silo. Remembers which status the sweep's row last had, so
// a row is written again only when it changed.
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Coordination;
using SweepCluster.Core;
using SweepCluster.Grains.Recording;

namespace SweepCluster.Grains.Coordination;

internal sealed class SweepStudyRows(string sweepId, IStudyRecorder recorder, Func<int, ITrialGrain> trial, ILogger logger)
{
    /// <summary>The sweep status and end the study tables were last given.</summary>
    private SweepStatus _recordedStatus;

    private DateTimeOffset? _recordedFinished;

    /// <summary>A new sweep's row, stored before any of its trials' rows.</summary>
    public Task SubmittedAsync(SweepPlan plan, string specText, DateTimeOffset created)
    {
        (_recordedStatus, _recordedFinished) = (SweepStatus.Running, null);
        return recorder.RecordSweepAsync(new StudySweep(sweepId, plan.Spec.Name, specText, SweepStatus.Running, created, null, plan.Spec.Metric));
    }

    /// <summary>The sweep's row, then every trial's: after a restore, whatever was not written before is written now.</summary>
    public async Task RecordEverythingAsync(SweepMachine machine, string specText)
    {
        (_recordedStatus, _recordedFinished) = (machine.Status, machine.FinishedAt);
        await recorder.RecordSweepAsync(new StudySweep(sweepId, machine.Name, specText, machine.Status, machine.CreatedAt, machine.FinishedAt,
            machine.Plan.Spec.Metric));
        machine.TakeChangedTrials();
        foreach (var summary in machine.Trials) recorder.RecordTrial(sweepId, machine.Plan, summary);
        await RecordMissingEpochsAsync(machine);
    }

    /// <summary>Queues the rows of the trials that changed, and the sweep's new status when it changed.</summary>
    public async Task RecordChangesAsync(SweepMachine machine)
    {
        foreach (var index in machine.TakeChangedTrials()) recorder.RecordTrial(sweepId, machine.Plan, machine.Trials[index]);
        if (machine.Status == _recordedStatus && machine.FinishedAt == _recordedFinished) return;
        if (machine.FinishedAt is not null && _recordedFinished is null) await RecordMissingEpochsAsync(machine);
        if (!_recordedStatus.IsTerminal() && machine.Status.IsTerminal())
            logger.LogInformation("Sweep {Sweep} ({Name}) ended: {Status}", sweepId, machine.Name, machine.Status.ToString().ToLowerInvariant());
        _recordedStatus = machine.Status;
        _recordedFinished = machine.FinishedAt;
        recorder.RecordSweepStatus(sweepId, machine.Status, machine.FinishedAt);
    }

    public Task DeleteAsync() => recorder.DeleteSweepAsync(sweepId);

    /// <summary>An ended trial's last epochs may have been queued, not written, when its silo was killed: its grain
    /// has them. Done when a coordinator is restored and when its sweep ends.</summary>
    private async Task RecordMissingEpochsAsync(SweepMachine machine)
    {
        if (await recorder.CountEpochRowsAsync(sweepId) is not { } rows) return;
        foreach (var summary in machine.Trials.Where(t => t.Status.IsTerminal() && t.EpochsDone > rows.GetValueOrDefault(t.Index)))
        {
            try
            {
                recorder.RecordEpochs(sweepId, summary.Index, await trial(summary.Index).GetHistoryAsync());
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "The epochs of trial {Sweep}/{Trial} were not re-recorded", sweepId, summary.Index);
            }
        }
    }
}
