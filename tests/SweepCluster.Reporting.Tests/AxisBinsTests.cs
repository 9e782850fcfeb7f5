// A random search's sampled values in quantile bins: rows are value ranges per template, labelled, ordered; a grid's
// values are never binned; every format states the binning.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class AxisBinsTests
{
    private static string[] Constants(int count) =>
        Enumerable.Range(1, count).Select(i => $"constant({(i * 0.001).ToString(System.Globalization.CultureInfo.InvariantCulture)})").ToArray();

    [Fact]
    public void TenSampledValuesMakeFiveBinsOfTwo()
    {
        var rows = AxisBins.Rows(Constants(10));

        Assert.Equal(
            ["constant(0.001 – 0.002)", "constant(0.003 – 0.004)", "constant(0.005 – 0.006)", "constant(0.007 – 0.008)", "constant(0.009 – 0.01)"],
            rows.Values.DistinctBy(r => r.Label).OrderBy(r => r.Order).Select(r => r.Label));
        Assert.Equal("constant(0.001 – 0.002)", rows["constant(0.002)"].Label);
    }

    [Fact]
    public void FewValuesOrSeveralVaryingNumbersStayOneRowEach()
    {
        var few = AxisBins.Rows(Constants(AxisBins.BinCount));
        Assert.All(few, pair => Assert.Equal(pair.Key, pair.Value.Label));

        var twoNumbers = Enumerable.Range(1, 8).Select(i => $"cosine(0.{i} → 0.0{i})").ToArray();
        Assert.All(AxisBins.Rows(twoNumbers), pair => Assert.Equal(pair.Key, pair.Value.Label));
    }

    [Fact]
    public void EachTemplateIsBinnedOnItsOwnInOrderOfFirstAppearance()
    {
        string[] values = [.. Constants(6), "cosine(0.2 → 0)", "cosine(0.3 → 0)"];
        var rows = AxisBins.Rows(values);

        Assert.Equal(0, rows["constant(0.001)"].Template);
        Assert.Equal(1, rows["cosine(0.2 → 0)"].Template);
        Assert.Equal("cosine(0.2 → 0)", rows["cosine(0.2 → 0)"].Label); // two cosine values: no bins
        Assert.Equal(AxisBins.BinCount, rows.Where(r => r.Value.Template == 0).Select(r => r.Value.Label).Distinct().Count());
    }

    [Fact]
    public void EqualValuesShareABin()
    {
        double[] values = [1, 1, 1, 1, 1, 1, 2, 3];
        var bins = AxisBins.Assign(values, 4);

        Assert.Single(bins.Take(6).Distinct());
        Assert.True(bins[6] > bins[0] && bins[7] >= bins[6]);
    }

    private static SweepReportInput Sampled(SearchStrategy strategy)
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultClassification);
        foreach (var (label, i) in Constants(10).Select((label, i) => (label, i))) sweep.Completed(label, 0.80 + i * 0.01);
        return sweep.Build() with { Strategy = strategy };
    }

    [Fact]
    public void ARandomSearchsAxisIsBinnedAndSaysSo()
    {
        var axis = SweepReportBuilder.Build(Sampled(SearchStrategy.Random)).Axes.Single();

        Assert.Equal(10, axis.SampledValues);
        Assert.Equal(AxisBins.BinCount, axis.Values.Count);
        Assert.Equal(new AxisValueSummary("constant(0.001 – 0.002)", 2, 2, 0.805, 0.81), axis.Values[0] with { Mean = Math.Round(axis.Values[0].Mean!.Value, 9) });
        Assert.Equal("10 sampled values in quantile bins of about equal trials (5 per schedule family); a row is a range of values.", ReportCuts.AxisBinNote(axis));
    }

    [Fact]
    public void AGridsValuesAreNeverBinned()
    {
        var axis = SweepReportBuilder.Build(Sampled(SearchStrategy.Grid)).Axes.Single();

        Assert.Null(axis.SampledValues);
        Assert.Equal(10, axis.Values.Count);
        Assert.Null(ReportCuts.AxisBinNote(axis));
    }

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    public void EveryFormatShowsTheBinsAndStatesThem(ReportFormat format)
    {
        var text = ReportRenderers.Render(SweepReportBuilder.Build(Sampled(SearchStrategy.Random)), format);

        Assert.Contains("10 sampled values in quantile bins", text);
        Assert.Contains("0.009 – 0.01", text);
        Assert.DoesNotContain("constant(0.003)", text[text.IndexOf("sampled values", StringComparison.Ordinal)..]);
    }
}
