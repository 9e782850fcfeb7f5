// Whether a live report shows every trial the sweep's progress says has ended. The report may be read from the store,
// whose rows from other silos arrive a moment after the coordinator counted the trials: a final page built from such
// a report would show the wrong best combination for good, since a final page stops refreshing.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Web.Sweeps;

public static class ReportCoverage
{
    /// <summary>True when <paramref name="report"/> counts as many trials in each ended state as <paramref name="progress"/>.</summary>
    public static bool Covers(SweepReport report, SweepProgress progress)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(progress);
        return Enum.GetValues<TrialStatus>().Where(status => status.IsTerminal()).All(status => report.Header.CountOf(status) == progress.Count(status));
    }
}
