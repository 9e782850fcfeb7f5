// Counts agree with their nouns: the helper itself, and the report of a one-trial sweep, which once read "1 trials".
using SweepCluster.Core;
using SweepCluster.Reporting;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 trials")]
    [InlineData(1, "1 trial")]
    [InlineData(2, "2 trials")]
    [InlineData(100000, "100,000 trials")]
    public void Counts_agree_with_their_noun(long count, string expected) => Assert.Equal(expected, Plural.Of(count, "trial"));

    [Theory]
    [InlineData(ReportFormat.Table)]
    [InlineData(ReportFormat.Html)]
    public void A_one_trial_report_says_1_trial(ReportFormat format)
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification).Completed("lr-0.1", 0.9).Build());
        var text = ReportRenderers.Render(report, format);

        Assert.Contains("1 trial: 1 completed", text);
        Assert.DoesNotContain("1 trials", text);
        Assert.DoesNotContain("1 combinations", text);
    }
}
