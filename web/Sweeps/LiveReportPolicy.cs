// When the sweep page's live fragment may rebuild the embedded report. Built from the store (LiveReportSource.Store),
// a report of any size is rebuilt, no more often than every MinInterval and, for a large sweep, every IntervalPerTrial
// per trial (a 100,000-trial sweep's report, a few seconds of CPU, at most every 100 s). Built by the coordinator, inside
// its grain turn, never for a sweep of more than MaxTrials trials (its page shows the run table, read from the store,
// instead). Either way only when the progress changed, or the sweep just ended (its final report is always shown).
// Pure: the caller keeps the cache and the clock.
namespace SweepCluster.Web.Sweeps;

/// <summary>What the live fragment does about the embedded report.</summary>
public enum LiveReportDecision
{
    /// <summary>The sweep is too large for a live report: the page shows none.</summary>
    Omit,

    /// <summary>Show the report already built.</summary>
    Reuse,

    /// <summary>Build a new report.</summary>
    Rebuild,
}

/// <summary>Decides when the embedded report is rebuilt.</summary>
public static class LiveReportPolicy
{
    /// <summary>The largest sweep whose page embeds a report built by the coordinator (inside a grain turn).</summary>
    public const int MaxTrials = 2_000;

    /// <summary>The shortest time between two rebuilds of one sweep's live report while it runs.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    /// <summary>Per trial, the time between two rebuilds of a report built from the store: the rebuild's cost grows
    /// with the sweep, so its rate falls with it.</summary>
    public static readonly TimeSpan IntervalPerTrial = TimeSpan.FromMilliseconds(1);

    /// <summary>The shortest time between two rebuilds of a running sweep's report of <paramref name="totalTrials"/>
    /// trials built from <paramref name="source"/>.</summary>
    public static TimeSpan IntervalFor(LiveReportSource source, int totalTrials) =>
        source == LiveReportSource.Store && IntervalPerTrial * totalTrials > MinInterval ? IntervalPerTrial * totalTrials : MinInterval;

    /// <param name="source">Where the report is built.</param>
    /// <param name="totalTrials">The sweep's trials.</param>
    /// <param name="isFinal">Whether the sweep has ended (its report will not change again).</param>
    /// <param name="changed">Whether the progress changed since the cached report was built (true when there is none).</param>
    /// <param name="builtAt">When the cached report was built; null when there is none.</param>
    public static LiveReportDecision Decide(LiveReportSource source, int totalTrials, bool isFinal, bool changed, DateTimeOffset? builtAt,
        DateTimeOffset now)
    {
        if (source == LiveReportSource.Coordinator && totalTrials > MaxTrials) return LiveReportDecision.Omit;
        if (builtAt is null) return LiveReportDecision.Rebuild;
        if (!changed) return LiveReportDecision.Reuse;
        if (isFinal) return LiveReportDecision.Rebuild;
        return now - builtAt.Value >= IntervalFor(source, totalTrials) ? LiveReportDecision.Rebuild : LiveReportDecision.Reuse;
    }
}
