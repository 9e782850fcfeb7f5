// The sweep page's progress panel as HTML (no browser needed): trials a scheduler paused or pruned are named.
using System.Text;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Web.Pages;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class ProgressPanelTests
{
    private static string Panel(Dictionary<TrialStatus, int> counts)
    {
        var progress = new SweepProgress("s", "s", SweepStatus.Running, counts.Values.Sum(), counts, EpochsDone: 30, EpochsPlanned: 60,
            MetricName.ValAccuracy, BestMetric: null, BestDescription: null, DateTimeOffset.UtcNow.AddSeconds(-10), FinishedAt: null);
        var html = new StringBuilder();
        ProgressPanel.Write(html, new SweepProgressView(progress), DateTimeOffset.UtcNow);
        return html.ToString();
    }

    [Fact]
    public void PausedAndPrunedTrialsAreCountedWhenThereAreAny()
    {
        var html = Panel(new() { [TrialStatus.Completed] = 1, [TrialStatus.Paused] = 3, [TrialStatus.Pruned] = 4, [TrialStatus.Running] = 1 });
        Assert.Contains("5/9 trials finished · 1 running · 0 pending · 0 failed · 0 diverged · 3 paused · 4 pruned · epochs 30/60", html);

        var plain = Panel(new() { [TrialStatus.Completed] = 2, [TrialStatus.Running] = 1 });
        Assert.DoesNotContain("paused", plain);
        Assert.DoesNotContain("pruned", plain);
    }
}
