// Every chart of the HTML report, built once from the report and, when the study store's run tables are at hand,
// from them: the per-trial charts (intermediate values, parallel coordinates, slices, pruned trials in the family
// chart) need the run tables and are null or empty without them. Builds specs only; the Razor components lay them out.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Charts;

/// <summary>The charts of one report.</summary>
/// <param name="Losses">Loss curves of the top combinations; null when no trial completed.</param>
/// <param name="Metric">Metric curves of the top combinations; null when no trial completed.</param>
/// <param name="Schedules">Validation curve and applied schedules of the top combinations; null when no trial completed.</param>
/// <param name="HasRunTables">Whether the run tables were at hand (else the per-trial charts say they need them).</param>
/// <param name="Intermediate">Metric per epoch of every trial; null without run tables or without any reported epoch.</param>
/// <param name="Parallel">Parallel coordinates; null without run tables, completed trials or searched hyperparameters.</param>
/// <param name="Slices">Metric by each numeric hyperparameter; empty without run tables or completed trials.</param>
/// <param name="Families">Metric by schedule family; null when no trial has a value to show.</param>
/// <param name="History">The optimisation history; null without run tables or completed trials.</param>
/// <param name="Importance">fANOVA importance of the searched hyperparameters; null without run tables, two completed
/// trials or a hyperparameter that varies among them.</param>
/// <param name="Budget">The expected best metric by number of trials; null without run tables or two completed trials.</param>
public sealed record ReportChartSet(XyChart? Losses, XyChart? Metric, XyChart? Schedules, bool HasRunTables,
    XyChart? Intermediate, ParallelChart? Parallel, IReadOnlyList<XyChart> Slices, XyChart? Families,
    XyChart? History = null, XyChart? Importance = null, XyChart? Budget = null)
{
    /// <summary>Builds the charts of <paramref name="report"/>, with the per-trial ones when <paramref name="runs"/> is given.</summary>
    public static ReportChartSet Build(SweepReport report, SweepRunTables? runs)
    {
        ArgumentNullException.ThrowIfNull(report);
        var curves = report.TopCurves.Count > 0;
        var metric = report.Header.Metric;
        var trials = runs is null ? null : TrialRuns.Read(runs, metric);
        return new ReportChartSet(
            curves ? LearningCurveCharts.Losses(report) : null,
            curves ? LearningCurveCharts.Metric(report) : null,
            curves ? AppliedScheduleChart.Of(report) : null,
            trials is not null,
            trials is not null && trials.Trials.Any(t => t.Curve.Count > 0) ? IntermediateValuesChart.Of(trials, metric) : null,
            trials is null ? null : ParallelCoordinatesChart.Of(trials, metric),
            trials is null ? [] : SliceCharts.Of(trials, metric),
            (trials is null ? null : FamilyMetricChart.Of(trials, metric)) ?? FamilyMetricChart.Of(report, trials is not null),
            trials is null ? null : OptimizationHistoryChart.Of(trials, metric),
            trials is null ? null : ImportanceChart.Of(trials, metric),
            trials is null ? null : ExpectedBestChart.Of(trials, metric));
    }

    /// <summary>Every chart present, in page order.</summary>
    public IEnumerable<ChartSpec> All =>
        new ChartSpec?[] { Losses, Metric, Schedules, History, Importance, Budget, Intermediate, Parallel }.Concat(Slices).Append(Families)
            .OfType<ChartSpec>();
}
