// What a sweep's live progress says, the same on the terminal's progress line and on the live page: how many trials
// are done (completed, or stopped early by the trial scheduler), how many were cancelled or failed, and how the bar
// ends. Cancelled trials are never counted as done, so a cancelled sweep's bar is not full. It does not lay anything out.
using System.Globalization;
using SweepCluster.Core;

namespace SweepCluster.Reporting.Formatting;

/// <summary>How a progress bar is drawn at the sweep's state.</summary>
public enum BarState
{
    /// <summary>The sweep runs: the ordinary colour.</summary>
    Running,

    /// <summary>Every trial ended and the sweep completed: full and green.</summary>
    Succeeded,

    /// <summary>The sweep was cancelled: the bar stops where the done trials reached, in a warning colour.</summary>
    Cancelled,

    /// <summary>No trial completed: an error colour.</summary>
    Failed,
}

/// <summary>Shared counts and words of the live progress.</summary>
public static class ProgressWords
{
    /// <summary>Trials done: completed, or pruned by the trial scheduler (their result is final). Not cancelled, failed
    /// or diverged ones, which are counted on their own.</summary>
    public static int Done(Func<TrialStatus, int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return count(TrialStatus.Completed) + count(TrialStatus.Pruned);
    }

    /// <summary>Trials that ended without being cancelled (done, failed or diverged): how far the bar goes.</summary>
    public static int Ended(Func<TrialStatus, int> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        return Done(count) + count(TrialStatus.Failed) + count(TrialStatus.Diverged);
    }

    /// <summary>How the bar is drawn for a sweep in <paramref name="status"/>.</summary>
    public static BarState Bar(SweepStatus status) => status switch
    {
        SweepStatus.Running => BarState.Running,
        SweepStatus.Completed => BarState.Succeeded,
        SweepStatus.Cancelled => BarState.Cancelled,
        SweepStatus.Failed => BarState.Failed,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>"best trial val_accuracy 0.9721": the single best trial so far (not the top combination's mean).</summary>
    public static string BestTrial(MetricName metric, double value) => $"{ReportWords.BestTrial} {ReportText.Name(metric)} {ReportText.Metric(value)}";

    /// <summary>"elapsed 1:02:03" or "elapsed 4:05": wall-clock time since the sweep was created (0 when the client's
    /// clock is behind the silo's).</summary>
    public static string Elapsed(TimeSpan elapsed)
    {
        var shown = elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
        var format = shown >= OneHour ? @"h\:mm\:ss" : @"m\:ss";
        return $"{ReportWords.Elapsed} {shown.ToString(format, CultureInfo.InvariantCulture)}";
    }

    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
}
