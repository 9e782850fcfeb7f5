// Builds the report's charts from a SweepReport: learning curves of the top combinations' best seeds, the top combination's
// best seed's applied schedules, and the metric by schedule family. It chooses data, titles, units and colours; the
// drawing is the Svg classes' job.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Svg;

namespace SweepCluster.Reporting.Html;

/// <summary>The charts of the HTML report.</summary>
internal static class ReportCharts
{
    private const string EpochAxis = "epoch";

    /// <summary>What a dot of the family plot is.</summary>
    private const string EveryTrialDots = "individual trials (one dot each, coloured by schedule)";

    /// <summary>Train (dashed) and validation (solid) loss per epoch of each top combination's best seed.</summary>
    public static LineChart Losses(SweepReport report)
    {
        var series = report.TopCurves.SelectMany((curve, i) => new[]
        {
            new LineSeries($"{CurveLabel(curve)} validation", ChartPalette.SeriesColor(i),
                curve.History.Select(e => ((double)e.Epoch, e.ValLoss ?? double.NaN)).ToArray()),
            new LineSeries($"{CurveLabel(curve)} train", ChartPalette.SeriesColor(i),
                curve.History.Select(e => ((double)e.Epoch, e.TrainLoss)).ToArray(), Dashed: true),
        }).ToArray();
        var legend = report.TopCurves.Select((curve, i) => new LegendEntry(CurveLabel(curve), ChartPalette.SeriesColor(i)))
            .Append(new LegendEntry("solid: validation loss, dashed: training loss", ChartPalette.Axis, LegendSwatch.DashedLine))
            .ToArray();
        return new LineChart($"Loss per epoch — best seed of each of the top {report.TopCurves.Count} combinations",
            EpochAxis, "loss (per example)", series, legend, minimumXStep: 1, valueRange: MetricRange.NonNegative);
    }

    /// <summary>The sweep metric per epoch of each top combination's best seed.</summary>
    public static LineChart Metric(SweepReport report)
    {
        var metric = report.Header.Metric;
        var name = ReportText.Name(metric.Name);
        var series = report.TopCurves.Select((curve, i) => new LineSeries(CurveLabel(curve), ChartPalette.SeriesColor(i),
            curve.History.Select(e => ((double)e.Epoch, metric.ValueOf(e) ?? double.NaN)).ToArray())).ToArray();
        return new LineChart($"{name} per epoch ({ReportText.Name(metric.Goal)})", EpochAxis, name, series, minimumXStep: 1,
            valueRange: MetricRange.Of(metric.Name));
    }

    /// <summary>The learning rate, weight decay and batch size the top combination's best seed applied at each epoch's first step.</summary>
    public static IReadOnlyList<LineChart> Schedules(RankedTrial best)
    {
        var label = $"trial {best.Index}";
        return
        [
            Schedule("Learning rate", "learning rate", label, best, e => e.LearningRate, 0),
            Schedule("Weight decay", "weight decay", label, best, e => e.WeightDecay, 1),
            Schedule("Batch size", "batch size (examples)", label, best, e => e.BatchSize, 2),
        ];
    }

    /// <summary>The metric of every completed trial by schedule family, one group per schedule target; null when no trial completed.</summary>
    public static DotPlot? Families(SweepReport report)
    {
        if (report.Families.All(f => f.Values.Count == 0)) return null;
        var groups = Enum.GetValues<ScheduleTarget>().Select(target => new DotGroup(
            ReportText.Name(target),
            report.Families
                .Where(f => f.Target == target && f.Values.Count > 0)
                .Select(f => new DotCategory(f.Family, f.Values, f.Metric?.Mean, f.Metric?.StdDev))
                .ToArray())).ToArray();
        return new DotPlot($"{ReportText.Name(report.Header.Metric.Name)} by schedule family (completed trials)",
            ReportText.Name(report.Header.Metric.Name), groups, DotsLegend(report.Families), MetricRange.Of(report.Header.Metric.Name));
    }

    /// <summary>The legend of the dots; it says so when a family has more trials than the plot draws dots.</summary>
    private static string DotsLegend(IReadOnlyList<FamilySummary> families)
    {
        var thinned = families.Where(ReportCuts.IsThinned).ToArray();
        if (thinned.Length == 0) return EveryTrialDots;
        return string.Create(CultureInfo.InvariantCulture,
            $"{EveryTrialDots}; a family with more than {thinned.Max(f => f.Values.Count)} trials shows that many evenly spaced quantiles of them");
    }

    /// <summary>"#1 learning_rate=…, batch_size=…".</summary>
    public static string CurveLabel(RankedTrial curve) => $"#{curve.Rank} {ReportText.Axes(curve.Axes)}";

    private static LineChart Schedule(string title, string unit, string label, RankedTrial best,
        Func<EpochRecord, double> value, int colorIndex) =>
        new($"{title} applied by the top combination's best seed ({label})", $"{EpochAxis} (value at its first step)", unit,
            [new LineSeries(label, ChartPalette.SeriesColor(colorIndex), best.History.Select(e => ((double)e.Epoch, value(e))).ToArray())],
            minimumXStep: 1, includeZero: true);
}
