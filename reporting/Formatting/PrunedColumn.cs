// The ranking's "pruned" column: shown only when the trial scheduler stopped trials early, so the reports of sweeps
// without one keep their columns. Same heading in every format.

using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Formatting;

public static class PrunedColumn
{
    public const string Heading = "pruned";

    /// <summary>Whether any combination has a pruned trial.</summary>
    public static bool IsShown(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Ranking.Any(r => r.Pruned > 0);
    }
}
