// The comparison of sweeps: the leader is the best top-combination mean by the goal, others are tied or worse by
// Welch's test over seeds, sweeps ranked by different metrics have no leader, and each writer says the same.
using System.Text.Json;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Compare;
using SweepCluster.Reporting.Terminal;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests.Compare;

public sealed class SweepComparisonTests
{
    private static SweepReport Sweep(string id, MetricSpec metric, params double[] topSeeds)
    {
        var sweep = new SyntheticSweep(metric, $"sweep {id}");
        sweep.Completed("top", topSeeds);
        sweep.Completed("other", topSeeds.Select(m => metric.Goal == MetricGoal.Maximize ? m - 0.3 : m + 0.3).ToArray());
        var report = SweepReportBuilder.Build(sweep.Build());
        return report with { Header = report.Header with { SweepId = id } };
    }

    private static readonly MetricSpec Accuracy = MetricSpec.DefaultClassification;

    [Fact]
    public void The_best_top_combination_mean_leads_and_a_clearly_worse_one_is_worse()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.80, 0.81, 0.79), Sweep("b", Accuracy, 0.95, 0.96, 0.94)]);

        Assert.Equal(Accuracy, comparison.SharedMetric);
        Assert.Equal("b", comparison.LeaderId);
        Assert.Equal([VersusTop.Worse, VersusTop.Top], comparison.Sweeps.Select(s => s.VersusLeader));
        Assert.Equal(0.95, comparison.Sweeps[1].TopCombination!.Metric!.Mean, 12);
        Assert.Equal(0.96, comparison.Sweeps[1].BestTrial!.Metric, 12);
    }

    [Fact]
    public void Overlapping_seeds_are_statistically_tied_and_the_verdict_names_them()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.90, 0.80, 0.95), Sweep("b", Accuracy, 0.91, 0.82, 0.93)]);

        Assert.Equal("b", comparison.LeaderId);
        Assert.Equal(VersusTop.Tied, comparison.Sweeps[0].VersusLeader);
        Assert.Equal("b leads: its top combination has the best mean val_accuracy. Statistically tied with it (Welch's t-test at 5% over seeds): a.",
            ComparisonRows.Verdict(comparison));
    }

    [Fact]
    public void A_minimised_metric_leads_with_the_smallest_mean_and_one_seed_is_not_tested()
    {
        var rmse = MetricSpec.DefaultRegression;
        var comparison = SweepComparisonBuilder.Build([Sweep("a", rmse, 0.5, 0.6), Sweep("b", rmse, 0.2)]);

        Assert.Equal("b", comparison.LeaderId);
        Assert.Equal(VersusTop.NotTested, comparison.Sweeps[0].VersusLeader);
        Assert.Contains("not tested (needs 2+ seeds on both)", ComparisonRows.Of(comparison).Single(r => r.Label == "versus the leader").Cells);
    }

    [Fact]
    public void Sweeps_ranked_by_different_metrics_have_no_leader_and_no_shared_curve()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.9, 0.8), Sweep("b", MetricSpec.DefaultRegression, 0.2, 0.3)]);

        Assert.Null(comparison.SharedMetric);
        Assert.Null(comparison.Leader);
        Assert.All(comparison.Sweeps, s => Assert.Equal(VersusTop.NotTested, s.VersusLeader));
        Assert.All(ComparisonCurves.Of(comparison), c => Assert.Empty(c));
        Assert.StartsWith("The sweeps rank by different metrics", ComparisonRows.Verdict(comparison));
    }

    [Fact]
    public void One_sweep_or_a_sweep_named_twice_is_refused()
    {
        var a = Sweep("a", Accuracy, 0.9);
        Assert.Throws<ArgumentException>(() => SweepComparisonBuilder.Build([a]));
        var error = Assert.Throws<ArgumentException>(() => SweepComparisonBuilder.Build([a, a]));
        Assert.Contains("sweep a is named more than once", error.Message);
    }

    [Fact]
    public void The_rows_have_one_cell_per_sweep_in_order()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.80, 0.81), Sweep("b", Accuracy, 0.95, 0.96), Sweep("c", Accuracy, 0.50, 0.51)]);

        var rows = ComparisonRows.Of(comparison);

        Assert.All(rows, r => Assert.Equal(3, r.Cells.Count));
        Assert.Equal(["sweep a", "sweep b", "sweep c"], rows.Single(r => r.Label == "name").Cells);
        Assert.Equal(["0.8050 ± 0.0071", "0.9550 ± 0.0071", "0.5050 ± 0.0071"], rows.Single(r => r.Label == "mean ± std over seeds").Cells);
        Assert.Equal(["worse", "leads", "worse"], rows.Single(r => r.Label == "versus the leader").Cells);
    }

    [Fact]
    public void Markdown_has_the_table_the_verdict_and_the_metric_per_epoch_of_each_curve()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.80, 0.81), Sweep("b", Accuracy, 0.95, 0.96)]);
        using var text = new StringWriter();

        ComparisonMarkdown.Write(comparison, text);

        var markdown = text.ToString();
        Assert.Contains("|  | `a` | `b` |", markdown);
        Assert.Contains("| **versus the leader** | worse | leads |", markdown);
        Assert.Contains("b leads", markdown);
        Assert.Contains("## val\\_accuracy per epoch of each top combination's best seed", markdown);
        var lastEpoch = SyntheticSweep.DefaultEpochs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"| {lastEpoch} | 0.8100 | 0.9600 |", markdown);
    }

    [Fact]
    public void Json_names_the_leader_and_every_sweep_with_its_top_combination()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.80, 0.81), Sweep("b", Accuracy, 0.95, 0.96)]);
        using var text = new StringWriter();

        ComparisonJson.Write(comparison, text);

        using var json = JsonDocument.Parse(text.ToString());
        Assert.Equal("b", json.RootElement.GetProperty("leader").GetString());
        var sweeps = json.RootElement.GetProperty("sweeps");
        Assert.Equal("a", sweeps[0].GetProperty("header").GetProperty("sweep_id").GetString());
        Assert.Equal("top", sweeps[1].GetProperty("versus_leader").GetString());
        Assert.Equal(0.955, sweeps[1].GetProperty("top_combination").GetProperty("metric").GetProperty("mean").GetDouble(), 12);
    }

    [Fact]
    public void The_terminal_prints_one_column_per_sweep_and_both_curves_on_one_plot()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a", Accuracy, 0.80, 0.81), Sweep("b", Accuracy, 0.95, 0.96)]);
        using var text = new StringWriter();

        ComparisonTerminal.Write(PlainConsole.Over(text, TableRenderer.TextWidth), comparison);

        var output = text.ToString();
        Assert.Contains("versus the leader", output);
        Assert.Contains("val_accuracy per epoch of each sweep's top combination's best seed:", output);
        Assert.Contains("● a", output);
        Assert.Contains("■ b", output);
        var plotRows = output.Split('\n').Where(l => l.Contains(" ┤")).ToArray();
        Assert.Equal(ComparisonTerminal.PlotRows, plotRows.Length);
        Assert.Contains(plotRows, r => r.Contains('●'));
        Assert.Contains(plotRows, r => r.Contains('■'));
    }

    [Fact]
    public void Html_is_one_offline_page_with_the_table_the_verdict_and_one_chart_of_every_curve()
    {
        var comparison = SweepComparisonBuilder.Build([Sweep("a<b", Accuracy, 0.80, 0.81), Sweep("b", Accuracy, 0.95, 0.96)]);
        using var text = new StringWriter();

        ComparisonHtml.Write(comparison, text);

        var html = text.ToString();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<th>a&lt;b</th>", html);
        Assert.DoesNotContain("a<b", html);
        Assert.Contains("b leads", html);
        Assert.Contains("data-chart=\"chart-compare\"", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-chart="));
        var chart = Reporting.Charts.ComparisonCurvesChart.Of(comparison)!;
        Assert.Equal(["a<b", "b"], chart.Series.Select(s => s.Name));
        Assert.All(chart.Series, s => Assert.Equal(SyntheticSweep.DefaultEpochs, s.Points.Count));
    }
}
