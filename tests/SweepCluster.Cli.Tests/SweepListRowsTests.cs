using SweepCluster.Abstractions;
using SweepCluster.Cli.Commands;
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests;

public sealed class SweepListRowsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static SweepLine Line(string id, DateTimeOffset created, int ended, double? best) =>
        new(id, "digits", SweepStatus.Running, created, null, 24, ended, MetricName.ValAccuracy, best);

    [Fact]
    public void The_newest_sweep_comes_first()
    {
        var rows = SweepListRows.Of([Line("old", Monday, 24, 0.9), Line("new", Monday.AddHours(1), 3, null), Line("mid", Monday.AddMinutes(5), 0, null)]);

        Assert.Equal(["new", "mid", "old"], rows.Select(r => r[0]));
    }

    [Fact]
    public void A_row_shows_progress_and_the_best_metric()
    {
        var row = SweepListRows.Of([Line("s1", Monday, 12, 0.98054)]).Single();

        Assert.Equal(["s1", "digits", "Running", "12/24", "val_accuracy 0.9805", "2026-12-07 09:00:00"], row);
    }
}
