// The sweep page's progress panel as HTML (no browser needed): trials a scheduler paused or pruned are named.
using System.Text;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Web.Pages;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class ProgressPanelTests
{
    private static string Panel(Dictionary<TrialStatus, int> counts, SweepStatus status = SweepStatus.Running, double? best = null)
    {
        var progress = new SweepProgress("s", "s", status, counts.Values.Sum(), counts, EpochsDone: 30, EpochsPlanned: 60,
            MetricName.ValAccuracy, BestMetric: best, BestDescription: null, DateTimeOffset.UtcNow.AddSeconds(-10), FinishedAt: null);
        var html = new StringBuilder();
        ProgressPanel.Write(html, new SweepProgressView(progress), DateTimeOffset.UtcNow);
        return html.ToString();
    }

    [Fact]
    public void PausedAndPrunedTrialsAreCountedWhenThereAreAny()
    {
        var html = Panel(new() { [TrialStatus.Completed] = 1, [TrialStatus.Paused] = 3, [TrialStatus.Pruned] = 4, [TrialStatus.Running] = 1 });
        Assert.Contains("5/9 trials done · 1 running · 0 pending · 0 failed · 0 diverged · 3 paused · 4 pruned · epochs 30/60", html);

        var plain = Panel(new() { [TrialStatus.Completed] = 2, [TrialStatus.Running] = 1 });
        Assert.DoesNotContain("paused", plain);
        Assert.DoesNotContain("pruned", plain);
    }

    [Fact]
    public void ACancelledSweepCountsItsCancelledTrialsApartAndItsBarIsNotGreen()
    {
        var html = Panel(new() { [TrialStatus.Completed] = 6, [TrialStatus.Cancelled] = 6 }, SweepStatus.Cancelled);

        Assert.Contains("6/12 trials done · 0 running · 0 pending · 0 failed · 0 diverged · 6 cancelled", html);
        Assert.Contains("<div class=\"bar cancelled\"", html);
        Assert.Contains("<div class=\"bar succeeded\"", Panel(new() { [TrialStatus.Completed] = 2 }, SweepStatus.Completed));
    }

    [Fact]
    public void TheBestSoFarIsCalledTheBestTrialAndTheElapsedTimeIsNamed()
    {
        var html = Panel(new() { [TrialStatus.Completed] = 1, [TrialStatus.Running] = 1 }, best: 0.9625);

        Assert.Contains("Best trial so far: val_accuracy <strong>0.9625</strong>", html);
        Assert.Contains(" · elapsed ", html);
    }
}
