// When the sweep page's live fragment may ask the coordinator to rebuild the embedded report: never for a sweep of
// more than MaxTrials trials (its page shows the run table, read from the store, instead), and for a smaller one only
// when the progress changed and the last rebuild is at least MinInterval old, or the sweep just ended (its final
// report is always shown). Pure: the caller keeps the cache and the clock.
namespace SweepCluster.Web.Sweeps;

/// <summary>What the live fragment does about the embedded report.</summary>
public enum LiveReportDecision
{
    /// <summary>The sweep is too large for a live report: the page shows none.</summary>
    Omit,

    /// <summary>Show the report already built.</summary>
    Reuse,

    /// <summary>Ask the coordinator for a new report.</summary>
    Rebuild,
}

/// <summary>Decides when the embedded report is rebuilt.</summary>
public static class LiveReportPolicy
{
    /// <summary>The largest sweep whose page embeds the report (built by the coordinator, inside a grain turn).</summary>
    public const int MaxTrials = 2_000;

    /// <summary>The shortest time between two rebuilds of one sweep's live report while it runs.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(10);

    /// <param name="totalTrials">The sweep's trials.</param>
    /// <param name="isFinal">Whether the sweep has ended (its report will not change again).</param>
    /// <param name="changed">Whether the progress changed since the cached report was built (true when there is none).</param>
    /// <param name="builtAt">When the cached report was built; null when there is none.</param>
    public static LiveReportDecision Decide(int totalTrials, bool isFinal, bool changed, DateTimeOffset? builtAt, DateTimeOffset now)
    {
        if (totalTrials > MaxTrials) return LiveReportDecision.Omit;
        if (builtAt is null) return LiveReportDecision.Rebuild;
        if (!changed) return LiveReportDecision.Reuse;
        if (isFinal) return LiveReportDecision.Rebuild;
        return now - builtAt.Value >= MinInterval ? LiveReportDecision.Rebuild : LiveReportDecision.Reuse;
    }
}
