// The histories and per-step applied schedules of the completed trials a sweep's report plots, fetched from their trial
// grains once (a completed result never changes): a live page asks for the report every second, and finished trial
// grains are not kept in memory.
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Coordination;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting;

namespace SweepCluster.Grains.Coordination;

internal sealed class PlottedTrials(string sweepId, Func<int, ITrialGrain> trial, ILogger logger)
{
    /// <summary>A plotted trial's history, and what it applied per step (null when its checkpoint could not be read).</summary>
    private sealed record PlottedTrial(IReadOnlyList<EpochRecord> History, AppliedSteps? Applied);

    private readonly Dictionary<int, PlottedTrial> _trials = [];

    /// <summary>The report with the curves of the trials it plots; trials it no longer plots are let go.</summary>
    public async Task<SweepReport> WithCurvesAsync(SweepReport report)
    {
        var plotted = SweepReportSource.CurveTrials(report);
        foreach (var index in _trials.Keys.Except(plotted).ToArray()) _trials.Remove(index);
        foreach (var index in plotted.Where(i => !_trials.ContainsKey(i)))
            _trials[index] = await FetchAsync(index);
        return SweepReportSource.WithCurveHistories(report,
            _trials.ToDictionary(t => t.Key, t => t.Value.History),
            _trials.Where(t => t.Value.Applied is not null).ToDictionary(t => t.Key, t => t.Value.Applied!));
    }

    public void Clear() => _trials.Clear();

    // The applied schedules come from the trial's last checkpoint (a completed trial's is of its last epoch); a trial
    // without a readable one is plotted from its per-epoch history alone.
    private async Task<PlottedTrial> FetchAsync(int index)
    {
        var grain = trial(index);
        var (history, checkpoint) = (grain.GetHistoryAsync(), grain.GetCheckpointAsync());
        var bytes = (await checkpoint).Checkpoint;
        AppliedSteps? applied = null;
        try
        {
            if (bytes is not null) applied = AppliedStepsReader.FromCheckpoint(bytes);
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning(e, "Sweep {Sweep}: trial {Trial}'s checkpoint has no readable applied schedule", sweepId, index);
        }
        return new PlottedTrial(await history, applied);
    }
}
