// The JSON form round-trips and uses snake_case names and enum strings.

using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class SweepReportJsonTests
{
    [Fact]
    public void RoundTripsEveryField()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());

        var json = SweepReportJson.Serialize(report);
        var back = SweepReportJson.Deserialize(json);

        Assert.Equal(json, SweepReportJson.Serialize(back));
        Assert.Equal(report.Header with { StatusCounts = back.Header.StatusCounts }, back.Header);
        Assert.Equal(report.Header.StatusCounts, back.Header.StatusCounts);
        Assert.Equal(report.Ranking[0].Metric, back.Ranking[0].Metric);
        Assert.Equal(report.TopCombination!.History, back.TopCombination!.History);
        Assert.Equal(report.Failures.Select(f => f.Error), back.Failures.Select(f => f.Error));
    }

    [Fact]
    public void APlottedTrialsPerStepTraceRoundTripsAndIsAbsentWithoutOne()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var trace = new Core.Reports.StepTrace([0, 5, 9], [0.1, 0.05, 0.05], Exact: true);
        var traced = report with { TopCurves = [report.TopCurves[0] with { Applied = new Core.Reports.AppliedSteps(10, trace, trace, trace) }] };

        var json = SweepReportJson.Serialize(traced);
        var back = SweepReportJson.Deserialize(json);

        Assert.Contains("\"applied\":{\"steps\":10,\"learning_rate\":{\"steps\":[0,5,9],\"values\":[0.1,0.05,0.05],\"exact\":true}", json);
        Assert.Equal(json, SweepReportJson.Serialize(back));
        Assert.DoesNotContain("\"applied\"", SweepReportJson.Serialize(report));
    }

    [Fact]
    public void UsesSnakeCaseNamesAndEnumStrings()
    {
        var json = SweepReportJson.Serialize(SweepReportBuilder.Build(SyntheticSweep.Realistic()), indented: true);

        Assert.Contains("\"sweep_id\": \"sw-0001\"", json);
        Assert.Contains("\"goal\": \"maximize\"", json);
        Assert.Contains("\"name\": \"val_accuracy\"", json);
        Assert.Contains("\"target\": \"learning_rate\"", json);
        Assert.Contains("\"family\": \"inverse_time\"", json);
        Assert.Contains("\"status\": \"diverged\"", json);
        Assert.Contains("\"ci_low\":", json);
        Assert.Contains("\"train_loss\":", json);
        Assert.DoesNotContain("ci_half_width", json);
        Assert.Contains("inverse_time(0.1, α=0.01, β=0.5)", json);
    }

    [Fact]
    public void NonFiniteNumbersSurvive()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var history = report.TopCombination!.History;
        var withNaN = report with { TopCombination = report.TopCombination with { History = [history[0] with { TrainLoss = double.NaN }] } };

        var back = SweepReportJson.Deserialize(SweepReportJson.Serialize(withNaN));

        Assert.True(double.IsNaN(back.TopCombination!.History[0].TrainLoss));
    }

    [Fact]
    public void ExploitsRoundTripWithSnakeCaseNames()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.PopulationBasedTraining().Build());

        var json = SweepReportJson.Serialize(report, indented: true);
        var back = SweepReportJson.Deserialize(json);

        Assert.Equal(report.Exploits, back.Exploits);
        Assert.Equal(json, SweepReportJson.Serialize(back, indented: true));
        foreach (var name in new[] { "exploits", "exploit", "donor_index", "learning_rate_factor", "weight_decay_factor",
                     "batch_size_factor", "resample_draw", "explore" })
            Assert.Contains($"\"{name}\":", json);
        Assert.Contains("\"resample_draw\": 1", json);
    }
}
