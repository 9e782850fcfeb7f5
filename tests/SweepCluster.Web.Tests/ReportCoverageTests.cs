// An ended sweep's page stays live until its report shows every ended trial: the report may be read from the store,
// whose rows from other silos arrive a moment after the coordinator counted them.
using System.Text;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Reporting;
using SweepCluster.Testing;
using SweepCluster.Web.Pages;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class ReportCoverageTests
{
    private static SweepProgress Ended(IReadOnlyDictionary<TrialStatus, int> counts) =>
        new("s", "s", SweepStatus.Completed, counts.Values.Sum(), counts, EpochsDone: 60, EpochsPlanned: 60,
            MetricName.ValAccuracy, BestMetric: 0.9, BestDescription: null, DateTimeOffset.UtcNow.AddSeconds(-10), FinishedAt: DateTimeOffset.UtcNow);

    [Fact]
    public void A_report_that_counts_every_ended_trial_covers_the_progress_and_one_behind_does_not()
    {
        var report = SweepReportBuilder.Build(SyntheticSweep.Realistic());
        var counts = Enum.GetValues<TrialStatus>().Where(s => s.IsTerminal()).ToDictionary(s => s, report.Header.CountOf);
        Assert.True(ReportCoverage.Covers(report, Ended(counts)));
        var ahead = new Dictionary<TrialStatus, int>(counts) { [TrialStatus.Completed] = counts[TrialStatus.Completed] + 1 };
        Assert.False(ReportCoverage.Covers(report, Ended(ahead)));
    }

    [Fact]
    public void The_page_of_an_ended_sweep_stays_live_while_its_report_is_behind()
    {
        string Panel(bool settled)
        {
            var html = new StringBuilder();
            ProgressPanel.Write(html, new SweepProgressView(Ended(new Dictionary<TrialStatus, int> { [TrialStatus.Completed] = 2 })) { ReportSettled = settled }, DateTimeOffset.UtcNow);
            return html.ToString();
        }
        Assert.Contains($"{LiveScript.FinalAttribute}=\"true\"", Panel(settled: true));
        Assert.Contains($"{LiveScript.FinalAttribute}=\"false\"", Panel(settled: false));
    }
}
