// The three charts built on the report's analysis: the optimisation history (dots and the best so far as a step
// line), fANOVA importance (bars, largest first, conditional columns left out) and the expected best by number of
// trials (the expected line between its band), and the ECharts options of their marks.
using SweepCluster.Core;
using SweepCluster.Reporting.Charts;

namespace SweepCluster.Reporting.Tests.Charts;

public sealed class AnalysisChartTests
{
    private static readonly MetricSpec Accuracy = MetricSpec.DefaultClassification;

    private static TrialRun Run(int index, double? metric, double learningRate = 0.01, string family = "constant",
        TrialStatus status = TrialStatus.Completed, Dictionary<string, double>? extra = null)
    {
        var numeric = new Dictionary<string, double> { ["learning_rate.initial"] = learningRate };
        foreach (var (name, value) in extra ?? []) numeric[name] = value;
        return new TrialRun(index, status, numeric, new Dictionary<string, string> { ["learning_rate.schedule"] = family },
            metric is { } m ? [(1, m)] : [], status == TrialStatus.Completed ? metric : null, status == TrialStatus.Pruned ? 1 : null);
    }

    private static TrialRuns Runs(IEnumerable<TrialRun> trials, params string[] extraColumns) =>
        new(trials.ToArray(), ["learning_rate.initial", .. extraColumns], ["learning_rate.schedule"]);

    [Fact]
    public void The_history_has_a_dot_per_completed_trial_and_steps_at_each_new_best()
    {
        var runs = Runs([Run(0, 0.5), Run(1, 0.7), Run(2, 0.6), Run(3, 0.2, status: TrialStatus.Pruned), Run(4, 0.9), Run(5, 0.8)]);

        var chart = OptimizationHistoryChart.Of(runs, Accuracy)!;

        var dots = chart.Series.Single(s => s.Mark == SeriesMark.Dot);
        Assert.Equal([0.0, 1, 2, 4, 5], dots.Points.Select(p => p.X));
        var best = chart.Series.Single(s => s.Mark == SeriesMark.StepLine);
        Assert.Equal(OptimizationHistoryChart.BestSoFar, best.Name);
        Assert.Equal([(0.0, 0.5), (1, 0.7), (4, 0.9), (5, 0.9)], best.Points.Select(p => (p.X, p.Y!.Value)));
    }

    [Fact]
    public void With_finish_times_the_history_follows_the_order_trials_finished()
    {
        // Trial 2 finished first and trial 0 last: the x axis counts trials finished, the best so far follows that order.
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        TrialRun Finished(int index, double metric, int minute) => Run(index, metric) with { FinishedAt = start.AddMinutes(minute) };
        var runs = Runs([Finished(0, 0.9, 30), Finished(1, 0.6, 20), Finished(2, 0.7, 10)]);

        var chart = OptimizationHistoryChart.Of(runs, Accuracy)!;

        Assert.Equal("trials finished", chart.X.Name);
        var dots = chart.Series.Single(s => s.Mark == SeriesMark.Dot);
        Assert.Equal([(1.0, "trial 2"), (2, "trial 1"), (3, "trial 0")], dots.Points.Select(p => (p.X, p.Label!)));
        var best = chart.Series.Single(s => s.Mark == SeriesMark.StepLine);
        Assert.Equal([(1.0, 0.7), (3, 0.9), (3, 0.9)], best.Points.Select(p => (p.X, p.Y!.Value)));
        Assert.Contains("in the order trials finished", chart.Note);
    }

    [Fact]
    public void Without_finish_times_the_history_is_by_trial_number_and_says_so()
    {
        var chart = OptimizationHistoryChart.Of(Runs([Run(0, 0.5), Run(1, 0.7)]), Accuracy)!;

        Assert.Equal("trial number", chart.X.Name);
        Assert.Contains("recorded no finish times", chart.Note);
    }

    [Fact]
    public void No_completed_trial_means_no_history_importance_or_budget()
    {
        var runs = Runs([Run(0, 0.4, status: TrialStatus.Pruned), Run(1, null, status: TrialStatus.Running)]);

        Assert.Null(OptimizationHistoryChart.Of(runs, Accuracy));
        Assert.Null(ImportanceChart.Of(runs, Accuracy));
        Assert.Null(ExpectedBestChart.Of(runs, Accuracy));
    }

    [Fact]
    public void Importance_ranks_the_learning_rate_that_drives_the_metric_above_the_family_that_does_not()
    {
        // The metric is the decade of the learning rate; the family alternates and changes nothing.
        const int trials = 120;
        var runs = Runs(Enumerable.Range(0, trials).Select(i =>
        {
            var learningRate = Math.Pow(10, -4 + 3.0 * i / (trials - 1));
            return Run(i, 0.5 + 0.1 * Math.Log10(learningRate), learningRate, i % 2 == 0 ? "constant" : "cosine");
        }));

        var chart = ImportanceChart.Of(runs, Accuracy)!;

        var bars = chart.Series.Single();
        Assert.Equal(SeriesMark.Bar, bars.Mark);
        Assert.Equal(["learning_rate.initial", "learning_rate.schedule"], chart.X.Categories);
        Assert.True(bars.Points[0].Y > 95, $"learning rate: {bars.Points[0].Y}%");
        Assert.True(bars.Points[1].Y < 5, $"family: {bars.Points[1].Y}%");
        Assert.Equal(100.0, bars.Points.Sum(p => p.Y!.Value), 9);
        Assert.Contains($"over {trials} completed trials", chart.Note);
        Assert.DoesNotContain("rough guide", chart.Note);
    }

    [Fact]
    public void Importance_leaves_out_a_hyperparameter_that_not_every_completed_trial_has()
    {
        // "learning_rate.alpha" exists only for the inverse_time family: a conditional hyperparameter.
        var runs = Runs(Enumerable.Range(0, 16).Select(i => i % 2 == 0
            ? Run(i, 0.5 + 0.01 * i, 0.001 * (i + 1), "inverse_time", extra: new() { ["learning_rate.alpha"] = i })
            : Run(i, 0.5 + 0.01 * i, 0.001 * (i + 1), "constant")), "learning_rate.alpha");

        var chart = ImportanceChart.Of(runs, Accuracy)!;

        Assert.DoesNotContain("learning_rate.alpha", chart.X.Categories!);
        Assert.Contains("Only 16 completed trials: read these bars as a rough guide.", chart.Note);
        Assert.Equal(2, chart.X.Categories!.Count);
    }

    [Fact]
    public void The_budget_curve_starts_at_the_mean_and_rises_towards_the_best_between_its_band()
    {
        var runs = Runs([Run(0, 0.1), Run(1, 0.2), Run(2, 0.3), Run(3, 0.4)]);

        var chart = ExpectedBestChart.Of(runs, Accuracy)!;

        var expected = chart.Series.Single(s => s.Name == ExpectedBestChart.Expected).Points;
        Assert.Equal([1.0, 2, 3, 4], expected.Select(p => p.X));
        Assert.Equal(0.25, expected[0].Y!.Value, 12);
        // Two draws with replacement from four: E[max] = Σ v(i)·((i/4)² − ((i−1)/4)²) = (0.1·1 + 0.2·3 + 0.3·5 + 0.4·7) / 16.
        Assert.Equal((0.1 * 1 + 0.2 * 3 + 0.3 * 5 + 0.4 * 7) / 16, expected[1].Y!.Value, 12);
        Assert.True(expected.Zip(expected.Skip(1)).All(p => p.Second.Y >= p.First.Y));
        var band = chart.Series.Where(s => s.Name == ExpectedBestChart.Band).ToArray();
        Assert.Equal(2, band.Length);
        Assert.All(expected.Select((p, i) => (p, i)), x => Assert.True(band[1].Points[x.i].Y <= x.p.Y && x.p.Y <= band[0].Points[x.i].Y));
    }

    [Fact]
    public void Bars_and_step_lines_become_ECharts_bar_and_stepped_line_series()
    {
        var runs = Runs(Enumerable.Range(0, 10).Select(i => Run(i, 0.1 * i, 0.001 * (i + 1), i % 2 == 0 ? "constant" : "cosine")));

        var history = EChartsOptions.Of(OptimizationHistoryChart.Of(runs, Accuracy)!);
        var importance = EChartsOptions.Of(ImportanceChart.Of(runs, Accuracy)!);

        var step = history["series"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == OptimizationHistoryChart.BestSoFar)!;
        Assert.Equal("line", step["type"]!.GetValue<string>());
        Assert.Equal("end", step["step"]!.GetValue<string>());
        Assert.Equal("bar", importance["series"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("category", importance["xAxis"]![0]!["type"]!.GetValue<string>());
    }
}
