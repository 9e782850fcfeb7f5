// The live progress line laid out at terminal widths: parts are dropped, never wrapped or cut mid-word; a cancelled
// sweep's bar is neither full nor green and its cancelled trials are not counted as done. Pure, plus Spectre's own
// console at 80 and 60 columns (ProgressPtyTests runs the CLI in a real pseudo-terminal).
using Spectre.Console;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Cli.Tests;

public sealed class ProgressLayoutTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly TimeSpan Elapsed = TimeSpan.FromSeconds(83);

    private static SweepProgress Progress(SweepStatus status, Dictionary<TrialStatus, int> counts, double? best = 0.97216) =>
        new("sw-1", "digits", status, counts.Values.Sum(), counts, EpochsDone: 40, EpochsPlanned: 90, MetricName.ValAccuracy,
            BestMetric: best, BestDescription: "learning_rate=cosine(0.1 → 0.001)", Created, FinishedAt: null);

    private static SweepProgress Busy() => Progress(SweepStatus.Running, new()
    {
        [TrialStatus.Completed] = 12, [TrialStatus.Running] = 2, [TrialStatus.Pending] = 30, [TrialStatus.Failed] = 1,
        [TrialStatus.Diverged] = 1, [TrialStatus.Paused] = 1, [TrialStatus.Pruned] = 1,
    });

    private static SweepProgress HalfCancelled() =>
        Progress(SweepStatus.Cancelled, new() { [TrialStatus.Completed] = 6, [TrialStatus.Cancelled] = 6 });

    [Fact]
    public void ACancelledSweepSaysHowManyWereDoneAndHowManyCancelled()
    {
        var line = SweepWatcher.Describe(HalfCancelled());

        Assert.Equal("6/12 done · 0 running · 0 pending · 0 failed · 6 cancelled · best trial val_accuracy 0.9722 · cancelled", line);
    }

    [Fact]
    public void ACancelledSweepsBarIsHalfFullAndNotGreen()
    {
        var view = ProgressLayout.Lay(HalfCancelled(), eta: null, Elapsed, width: 120);

        Assert.Equal((ProgressLayout.WideBar / 2, ProgressLayout.WideBar / 2), (view.BarFilled, view.BarEmpty));
        Assert.Equal(BarState.Cancelled, view.State);
        Assert.Equal("50%", view.Percent);
        var markup = ProgressMarkup.Of(view);
        Assert.DoesNotContain("green", markup);
        Assert.Contains($"[{ProgressMarkup.ColorOf(BarState.Cancelled)}]", markup);
    }

    [Fact]
    public void OnlyACompletedSweepGetsAGreenBar()
    {
        var completed = Progress(SweepStatus.Completed, new() { [TrialStatus.Completed] = 11, [TrialStatus.Failed] = 1 });
        var view = ProgressLayout.Lay(completed, eta: null, Elapsed, width: 120);

        Assert.Equal((ProgressLayout.WideBar, 0), (view.BarFilled, view.BarEmpty));
        Assert.Equal("[green]", ProgressMarkup.Of(view)[..7]);
        Assert.All(Enum.GetValues<SweepStatus>().Where(s => s != SweepStatus.Completed),
            status => Assert.NotEqual("green", ProgressMarkup.ColorOf(ProgressWords.Bar(status))));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(120)]
    [InlineData(80)]
    [InlineData(60)]
    [InlineData(40)]
    [InlineData(24)]
    public void TheLineFitsTheWidthAndKeepsWholeParts(int width)
    {
        var progress = Busy();
        var parts = ProgressLine.Parts(progress, TimeSpan.FromSeconds(41)).Select(p => p.Text).ToArray();
        var view = ProgressLayout.Lay(progress, TimeSpan.FromSeconds(41), Elapsed, width);

        Assert.InRange(view.PlainText.Length, 1, width - 1);
        var shown = view.Words.TrimEnd('…').Split(ProgressLine.Separator);
        Assert.All(shown.SkipLast(1), part => Assert.Contains(part, parts)); // whole parts, in their order
        Assert.StartsWith("13/48 done", view.Words);
    }

    [Fact]
    public void At80ColumnsTheBarTheEssentialCountsAndTheElapsedTimeStay()
    {
        var view = ProgressLayout.Lay(Busy(), TimeSpan.FromSeconds(41), Elapsed, width: 80);

        Assert.Equal(ProgressLayout.NarrowBar, view.BarFilled + view.BarEmpty);
        Assert.Equal("elapsed 1:23", view.Elapsed);
        Assert.Contains("13/48 done", view.Words);
        Assert.Contains("1 failed", view.Words);
        Assert.DoesNotContain("pruned", view.Words); // the scheduler's counts go first
    }

    [Fact]
    public void At60ColumnsThePercentageGoesAndTheBarStays()
    {
        var view = ProgressLayout.Lay(Busy(), TimeSpan.FromSeconds(41), Elapsed, width: 60);

        Assert.Equal("", view.Percent);
        Assert.Equal(ProgressLayout.NarrowBar, view.BarFilled + view.BarEmpty);
        Assert.Equal("elapsed 1:23", view.Elapsed);
    }

    [Fact]
    public void FitDropsTheLeastImportantPartsLaterOnesFirst()
    {
        ProgressPart[] parts = [new("a done", 0), new("b", 3), new("c", 3), new("dd", 1)];

        Assert.Equal("a done · b · c · dd", ProgressLine.Fit(parts, 100));
        Assert.Equal("a done · b · dd", ProgressLine.Fit(parts, 15));
        Assert.Equal("a done · dd", ProgressLine.Fit(parts, 11));
        Assert.Equal("a done", ProgressLine.Fit(parts, 6));
        Assert.Equal("a…", ProgressLine.Fit(parts, 5)); // even an essential part is cut at a space, never mid-word
        Assert.Equal("", ProgressLine.Fit(parts, 1));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void SpectresConsoleDrawsTheLineOnOneRow(int width)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = width;
        var view = ProgressLayout.Lay(Busy(), TimeSpan.FromSeconds(41), Elapsed, width);

        console.Write(new Markup(ProgressMarkup.Of(view)));

        Assert.Equal(view.PlainText, writer.ToString().TrimEnd());
        Assert.DoesNotContain('\n', writer.ToString().TrimEnd());
    }

    [Theory]
    [InlineData(83, "elapsed 1:23")]
    [InlineData(3723, "elapsed 1:02:03")]
    [InlineData(-5, "elapsed 0:00")] // the client's clock behind the silo's
    public void TheElapsedTimeIsNamed(int seconds, string expected) =>
        Assert.Equal(expected, ProgressWords.Elapsed(TimeSpan.FromSeconds(seconds)));
}
