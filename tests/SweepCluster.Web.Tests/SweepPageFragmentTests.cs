// The sweep page's live fragment as HTML (no browser needed): the run table's slot sits right below the progress
// panel, a sweep too large for a live report says so and links the whole report instead of embedding it, and the
// live script and the run table's script name the same events and ids.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Web.Pages;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class SweepPageFragmentTests
{
    private static SweepProgressView Progress(int trials) => new(new SweepProgress("big", "big", SweepStatus.Running, trials,
        new Dictionary<TrialStatus, int> { [TrialStatus.Running] = 2, [TrialStatus.Pending] = trials - 2 }, EpochsDone: 3, EpochsPlanned: trials * 10,
        MetricName.ValAccuracy, BestMetric: null, BestDescription: null, DateTimeOffset.UtcNow.AddSeconds(-10), FinishedAt: null));

    [Fact]
    public void ALargeSweepsFragmentSaysTheRunTableStandsInForTheReport()
    {
        var html = SweepPage.Fragment(Progress(LiveReportPolicy.MaxTrials + 1), report: null, DateTimeOffset.UtcNow);

        Assert.Contains("id=\"report-omitted\"", html);
        Assert.Contains($"sweeps of up to {LiveReportPolicy.MaxTrials:N0} trials", html);
        Assert.Contains("href=\"/sweeps/big/report.html\"", html);
        Assert.True(html.IndexOf("id=\"progress\"", StringComparison.Ordinal) < html.IndexOf("id=\"run-table-slot\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ASmallSweepWithoutAReportYetSaysOnlyThat()
    {
        var html = SweepPage.Fragment(Progress(LiveReportPolicy.MaxTrials), report: null, DateTimeOffset.UtcNow);

        Assert.DoesNotContain("report-omitted", html);
        Assert.Contains("The report is not available yet.", html);
    }

    [Fact]
    public void TheScriptsAgreeOnTheEventsAndIdsTheyShare()
    {
        foreach (var name in new[] { RunTableScript.SwappingEvent, RunTableScript.SwappedEvent })
        {
            Assert.Contains($"'{name}'", LiveScript.Js);
            Assert.Contains($"'{name}'", RunTableScript.Js);
        }
        foreach (var id in new[] { RunTableSection.ElementId, RunTableSection.SlotId, RunTableScript.ChartId })
            Assert.Contains($"'{id}'", RunTableScript.Js);
        Assert.Contains($"id=\"{RunTableSection.SlotId}\"", RunTableSection.Slot);
    }

    [Fact]
    public void TheWholePageCarriesTheRunTableOutsideTheLiveElementAndItsScript()
    {
        var html = SweepPage.Document("big", "big", SweepPage.Fragment(Progress(4), report: null, DateTimeOffset.UtcNow));

        Assert.Contains("<section id=\"run-table\"", html);
        Assert.Contains("data-source=\"/sweeps/big/trials\"", html);
        Assert.Contains("sweep:live-swapped", html);
        Assert.Contains("window.SweepCharts.renderAll(live)", html);
    }
}
