// The chart specs built from real report data: what each chart draws (series, marks, panels, axes), the status
// colours, the cap and its even sample, and the log-axis rule; and the ECharts options they become.
using System.Text.Json;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Charts;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests.Charts;

public sealed class ChartSpecTests
{
    private static readonly MetricSpec Accuracy = MetricSpec.DefaultClassification;

    [Fact]
    public void IntermediateValuesDrawEveryTrialWithAnEpochColouredByStatusAndMarkWherePrunedTrialsStopped()
    {
        var input = SyntheticSweep.SuccessiveHalving().Build();
        var runs = TrialRuns.Read(FixtureRunTables.From(input), Accuracy);

        var chart = IntermediateValuesChart.Of(runs, Accuracy);

        var lines = chart.Series.Where(s => s.Mark == SeriesMark.Line).ToArray();
        Assert.Equal(input.Results.Count, lines.Sum(s => s.Points.Count(p => p.Y is null)));
        foreach (var status in new[] { TrialStatus.Completed, TrialStatus.Pruned, TrialStatus.Diverged })
        {
            var series = lines.Single(s => s.Name.StartsWith(SpecName(status) + " (", StringComparison.Ordinal));
            Assert.Equal(ChartColors.Of(status), series.Color);
        }
        var crosses = chart.Series.Single(s => s.Mark == SeriesMark.Cross);
        Assert.Equal(IntermediateValuesChart.PrunedHere, crosses.Name);
        Assert.Equal([1.0, 1.0, 3.0], crosses.Points.Select(p => p.X).Order());
        Assert.Equal([0.41, 0.62, 0.85], crosses.Points.Select(p => p.Y!.Value).Order());
        Assert.Null(TrialSample.Note(input.Results.Count, input.Results.Count));
    }

    [Fact]
    public void EveryStatusHasItsOwnColour()
    {
        var colours = Enum.GetValues<TrialStatus>().Select(ChartColors.Of).ToArray();

        Assert.Equal(colours.Length, colours.Distinct().Count());
    }

    [Fact]
    public void AboveTheCapTheBestTrialsAndAnEvenSampleOfTheRestAreDrawn()
    {
        const int total = 500;
        var trials = Enumerable.Range(0, total).Select(i => Run(i, TrialStatus.Completed, metric: i / (double)total)).ToArray();

        var drawn = TrialSample.Of(trials, MetricGoal.Maximize);

        Assert.Equal(TrialSample.MaxTrialsDrawn, drawn.Count);
        Assert.Equal(drawn.Count, drawn.Select(t => t.Index).Distinct().Count());
        var best = Enumerable.Range(total - TrialSample.TopTrialsDrawn, TrialSample.TopTrialsDrawn);
        Assert.All(best, index => Assert.Contains(drawn, t => t.Index == index));
        Assert.Contains(drawn, t => t.Index == 0);
        Assert.True(drawn.Zip(drawn.Skip(1)).All(p => p.First.Index < p.Second.Index));
        Assert.Equal("200 of 500 trials drawn: the 50 best and an evenly spaced sample of the rest (by trial index).",
            TrialSample.Note(drawn.Count, total));
    }

    [Fact]
    public void ACappedChartSaysSoAndDrawsOnlyTheCap()
    {
        const int total = 450; // a third pruned: 300 completed
        var runs = new TrialRuns(Enumerable.Range(0, total).Select(i => Run(i, i % 3 == 0 ? TrialStatus.Pruned : TrialStatus.Completed, i)).ToArray(),
            ["learning_rate.initial"], ["learning_rate.schedule"]);

        var intermediate = IntermediateValuesChart.Of(runs, Accuracy);
        var parallel = ParallelCoordinatesChart.Of(runs, Accuracy)!;
        var slice = SliceCharts.Of(runs, Accuracy).Single();

        Assert.Equal(TrialSample.MaxTrialsDrawn, intermediate.Series.Where(s => s.Mark == SeriesMark.Line).Sum(s => s.Points.Count(p => p.Y is null)));
        Assert.Contains("200 of 450 trials drawn", intermediate.Note);
        Assert.Equal(TrialSample.MaxTrialsDrawn, parallel.Rows.Count);
        Assert.Contains("200 of 300 trials drawn", parallel.Note);
        Assert.Equal(TrialSample.MaxTrialsDrawn, slice.Series.Single().Points.Count);
        Assert.Contains("200 of 300 trials drawn", slice.Note);
    }

    [Theory]
    [InlineData(new[] { 0.0001, 0.001, 0.1 }, AxisScale.Log)]
    [InlineData(new[] { 32.0, 64.0, 256.0 }, AxisScale.Log)]
    [InlineData(new[] { 0.1, 0.3, 0.5 }, AxisScale.Linear)]
    [InlineData(new[] { 0.0, 0.001, 0.1 }, AxisScale.Linear)]
    [InlineData(new double[0], AxisScale.Linear)]
    public void LogAxesForPositiveValuesSpanningAFactorOfEight(double[] values, AxisScale expected) =>
        Assert.Equal(expected, LogAxisRule.For(values));

    [Fact]
    public void SlicesAndParallelCoordinatesReadTheSearchedColumnsOfTheRunTables()
    {
        var input = SyntheticSweep.Realistic();
        var runs = TrialRuns.Read(FixtureRunTables.From(input), Accuracy);
        var completed = input.Results.Count(r => r.Status == TrialStatus.Completed);

        var slices = SliceCharts.Of(runs, Accuracy);
        var parallel = ParallelCoordinatesChart.Of(runs, Accuracy)!;

        // batch_size.initial is 32 in every trial: it tells nothing, so it has no slice and no parallel axis.
        Assert.Equal(["learning_rate.initial"], slices.Select(s => s.X.Name));
        Assert.Equal(AxisScale.Log, slices[0].X.Scale); // 0.01 to 0.2: a factor of 20
        Assert.All(slices, s => Assert.Equal(completed, s.Series.Single().Points.Count));
        Assert.Equal(["learning_rate.initial", "learning_rate.schedule", "batch_size.schedule", "val_accuracy"], parallel.Axes.Select(a => a.Name));
        Assert.Equal(["constant", "inverse_time", "cosine"], parallel.Axes[1].Categories);
        Assert.Equal(["constant", "step"], parallel.Axes[2].Categories);
        Assert.Equal(completed, parallel.Rows.Count);
    }

    [Fact]
    public void BatchSizeColumnsAreInExamples() =>
        Assert.Equal("examples", HyperparameterAxes.Numeric("batch_size.initial", [Run(0, TrialStatus.Completed, 0.5)]).Unit);

    [Fact]
    public void TheFamilyChartShowsPrunedTrialsAtTheirPruningEpochWithAnotherMarker()
    {
        var input = SyntheticSweep.SuccessiveHalving().Build();
        var runs = TrialRuns.Read(FixtureRunTables.From(input), Accuracy);

        var chart = FamilyMetricChart.Of(runs, Accuracy)!;

        Assert.Equal(["learning_rate: constant"], chart.X.Categories);
        Assert.Equal(SeriesMark.Dot, chart.Series.Single(s => s.Name == FamilyMetricChart.CompletedName).Mark);
        var pruned = chart.Series.Single(s => s.Name == FamilyMetricChart.PrunedName);
        Assert.Equal(SeriesMark.Cross, pruned.Mark);
        Assert.Equal([0.41, 0.62, 0.85], pruned.Points.Select(p => p.Y!.Value).Order());
    }

    [Fact]
    public void TheAppliedSchedulesShareTheEpochAxisUnderTheValidationCurveAndWithoutATraceHoldEachEpochsValue()
    {
        var report = ReportFixtures.Realistic();

        var chart = AppliedScheduleChart.Of(report);

        Assert.Equal(["val_accuracy", "learning rate", "weight decay", "batch size"], chart.Panels.Select(p => p.Name));
        Assert.Equal(4 * report.TopCurves.Count, chart.Series.Count);
        Assert.Equal("epoch", chart.X.Name);
        Assert.Equal(AppliedScheduleChart.Note + AppliedScheduleChart.PerEpochNote, chart.Note);
        Assert.Contains("2,000 points", chart.Note);
        // A report without per-step traces holds each epoch's first-step value over the epoch, from its start.
        var learningRate = chart.Series[1];
        Assert.Equal(SeriesMark.StepLine, learningRate.Mark);
        Assert.Equal(0, learningRate.Points[0].X);
        Assert.Equal(report.TopCurves[0].History.Count, learningRate.Points[^1].X);
        var options = EChartsOptions.Of(chart);
        Assert.Equal(4, options["grid"]!.AsArray().Count);
    }

    [Fact]
    public void OptionsAreInvariantJsonWithNullsForMissingValuesAndLogAxesAsLog()
    {
        var chart = new XyChart("chart-test", "t", "n", new ChartAxis("learning rate", "", AxisScale.Log), [new ChartAxis("loss", "per example", AxisScale.Linear)],
            [new ChartSeries("s", SeriesMark.Line, ChartColors.Series(0), [new ChartPoint(0.001, 1.5), new ChartPoint(0.01, double.NaN), new ChartPoint(0.1, null)])]);

        using var json = JsonDocument.Parse(EChartsOptions.Json(chart));

        var root = json.RootElement;
        Assert.Equal("log", root.GetProperty("xAxis")[0].GetProperty("type").GetString());
        Assert.Equal("loss (per example)", root.GetProperty("yAxis")[0].GetProperty("name").GetString());
        var data = root.GetProperty("series")[0].GetProperty("data");
        Assert.Equal(1.5, data[0][1].GetDouble());
        Assert.Equal(JsonValueKind.Null, data[1][1].ValueKind);
        Assert.Equal(JsonValueKind.Null, data[2][1].ValueKind);
        Assert.False(root.GetProperty("animation").GetBoolean());
    }

    private static TrialRun Run(int index, TrialStatus status, double metric) => new(index, status,
        new Dictionary<string, double> { ["learning_rate.initial"] = 0.001 * (index + 1) },
        new Dictionary<string, string> { ["learning_rate.schedule"] = index % 2 == 0 ? "constant" : "cosine" },
        [(1, metric / 2), (2, metric)],
        status == TrialStatus.Completed ? metric : null,
        status == TrialStatus.Pruned ? 1 : null);

    private static string SpecName(TrialStatus status) => Core.Specs.SpecNames.Of(status);
}
