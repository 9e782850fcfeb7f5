// The rows of `sweep list`: newest first, each with its progress (trials ended of all) and its best metric so far.
using System.Globalization;
using SweepCluster.Abstractions;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Cli.Commands;

public static class SweepListRows
{
    public static readonly IReadOnlyList<string> Columns = ["id", "name", "status", "progress", "best trial", "created (UTC)"];

    /// <summary>One row of texts per sweep, in <see cref="Columns"/>' order, the newest sweep first.</summary>
    public static IReadOnlyList<string[]> Of(IEnumerable<SweepLine> sweeps) =>
        sweeps.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.SweepId, StringComparer.Ordinal)
            .Select(s => new[]
            {
                s.SweepId, s.Name, s.Status.ToString(), $"{s.TrialsEnded}/{s.TotalTrials}",
                s.BestMetric is { } metric ? $"{ReportText.Name(s.Metric)} {TrainNumbers.Format(metric)}" : "",
                s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            })
            .ToArray();
}
