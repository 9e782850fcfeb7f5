// The sweep metric by schedule family: one category per (schedule, family), completed trials at their final metric
// and, when the run tables are at hand, pruned trials at the metric of the epoch they were pruned after, with another
// marker, so a family whose weak trials were pruned does not look better than it is. Builds the chart spec only.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>Metric by schedule family.</summary>
internal static class FamilyMetricChart
{
    public const string Id = "chart-families";

    /// <summary>The legend entry of the completed trials' dots.</summary>
    public const string CompletedName = "completed: final value";

    /// <summary>The legend entry of the pruned trials' crosses.</summary>
    public const string PrunedName = "pruned: value at the pruning epoch";

    private static readonly ChartAxis FamilyAxisBase = new("schedule: family", "", AxisScale.Category);

    /// <summary>From the run tables: every searched family column, completed and pruned trials (capped by TrialSample).</summary>
    public static XyChart? Of(TrialRuns runs, MetricSpec metric, int cap = TrialSample.MaxTrialsDrawn)
    {
        var shown = runs.Trials.Where(t => (t.Status == TrialStatus.Completed && t.FinalMetric is not null)
            || (t.Status == TrialStatus.Pruned && t.MetricAtPruning is not null)).ToArray();
        if (shown.Length == 0 || runs.FamilyColumns.Count == 0) return null;
        var drawn = TrialSample.Of(shown, metric.Goal, cap, Math.Min(TrialSample.TopTrialsDrawn, cap));
        var categories = runs.FamilyColumns.SelectMany(c => HyperparameterAxes.Families(c, shown).Select(f => (Column: c, Family: f))).ToArray();
        string Name((string Column, string Family) c) => $"{c.Column[..^TrialRuns.FamilySuffix.Length]}: {c.Family}";
        ChartPoint[] Points(TrialStatus status, Func<TrialRun, double?> value) => categories
            .SelectMany((c, x) => drawn.Where(t => t.Status == status && t.Families.GetValueOrDefault(c.Column) == c.Family)
                .Select(t => new ChartPoint(x, value(t), string.Create(CultureInfo.InvariantCulture, $"trial {t.Index}"))))
            .ToArray();
        var series = new List<ChartSeries>
        {
            new(CompletedName, SeriesMark.Dot, ChartColors.Of(TrialStatus.Completed), Points(TrialStatus.Completed, t => t.FinalMetric)),
        };
        var pruned = Points(TrialStatus.Pruned, t => t.MetricAtPruning);
        if (pruned.Length > 0) series.Add(new(PrunedName, SeriesMark.Cross, ChartColors.Of(TrialStatus.Pruned), pruned));
        var crosses = pruned.Length > 0
            ? ", a cross at a pruned trial's value after the epoch it was pruned (a family's survivors are the trials its pruned ones did not beat early)"
            : "; no trial was pruned";
        var note = $"One mark per trial: a dot at a completed trial's final {ReportText.Name(metric.Name)}{crosses}. {TrialSample.Note(drawn.Count, shown.Length)}";
        return new XyChart(Id, $"{ReportText.Name(metric.Name)} by schedule family", note.TrimEnd(),
            FamilyAxisBase with { Categories = categories.Select(Name).ToArray() }, [MetricAxis.Of(metric)], series);
    }

    /// <summary>Without run tables, or when they name no searched family: the report's per-family values of the
    /// completed trials only.</summary>
    /// <param name="hasRunTables">Whether the run tables were at hand (the note then says why pruned trials are missing).</param>
    public static XyChart? Of(SweepReport report, bool hasRunTables = false)
    {
        if (report.Families.All(f => f.Values.Count == 0)) return null;
        var families = Enum.GetValues<ScheduleTarget>()
            .SelectMany(target => report.Families.Where(f => f.Target == target && f.Values.Count > 0)).ToArray();
        var points = families.SelectMany((f, x) => f.Values.Select(v => new ChartPoint(x, v))).ToArray();
        var thinned = families.Where(ReportCuts.IsThinned).Select(f => f.Values.Count).DefaultIfEmpty().Max() is var kept and > 0
            ? string.Create(CultureInfo.InvariantCulture, $" A family with more than {kept} trials shows that many evenly spaced quantiles of them.") : "";
        var missing = hasRunTables
            ? "Pruned trials are not shown: the sweep searched no schedule family, so every trial shares its families."
            : "Pruned trials are not shown: their values at the pruning epoch need the study store's run tables.";
        var note = $"One dot per completed trial, at its final {ReportText.Name(report.Header.Metric.Name)}.{thinned} {missing}";
        return new XyChart(Id, $"{ReportText.Name(report.Header.Metric.Name)} by schedule family (completed trials)", note,
            FamilyAxisBase with { Categories = families.Select(f => $"{ReportText.Name(f.Target)}: {f.Family}").ToArray() },
            [MetricAxis.Of(report.Header.Metric)],
            [new ChartSeries(CompletedName, SeriesMark.Dot, ChartColors.Of(TrialStatus.Completed), points)]);
    }
}
