// Terminal tables: rendered into a Spectre console writing to a StringWriter.
using Spectre.Console;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Terminal;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class TableRendererTests
{
    private const int ConsoleWidth = 200;

    [Fact]
    public void WritesHeaderRankingFamiliesBestTrialAndFailures()
    {
        var report = ReportFixtures.Realistic();
        var text = WriteToConsole(report);

        Assert.Contains("digits: lr × batch schedules", text);
        Assert.Contains("val_accuracy (maximize)", text);
        Assert.Contains("Ranking", text);
        Assert.Contains("cosine(0.2 → 0)", text);
        Assert.Contains("0.9627 ± 0.0035", text);
        Assert.Contains("Metric by schedule family", text);
        Assert.Contains("inverse_time", text);
        Assert.Contains(ReportWords.TopCombinationTitle(report.TopCombination!), text);
        Assert.Contains(ReportWords.BestTrialLine(report), text);
        Assert.Contains("Failures (6)", text);
        Assert.Contains("\"retry\" exhausted", text);
        var firstRow = text.Split('\n').First(l => l.Contains("cosine(0.2 → 0)", StringComparison.Ordinal));
        Assert.Contains(" 1 ", firstRow);
    }

    [Fact]
    public void ShowsTwentyRowsAndANoteAboutTheRest()
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultRegression);
        const int combinations = 25;
        for (var i = 0; i < combinations; i++) sweep.Completed($"lr-{i:00}", 1.0 + i);
        var text = WriteToConsole(SweepReportBuilder.Build(sweep.Build()));

        Assert.Contains("lr-19", text);
        Assert.DoesNotContain("lr-20", text);
        Assert.Contains($"5 more not shown ({TableRenderer.MaxRankingRows} of {combinations} combinations)", text);
    }

    [Fact]
    public void RenderIsPlainTextWithoutEscapeCodes()
    {
        var text = ReportRenderers.Render(ReportFixtures.Realistic(ReportFixtures.HostileName), ReportFormat.Table);

        Assert.DoesNotContain("\u001b[", text);
        Assert.Contains(ReportFixtures.HostileName, text); // Spectre markup characters are not interpreted
    }

    [Fact]
    public void StoppedTrialsThenExploitsAreListedAndTheRankingNotesExploitedCombinations()
    {
        var text = WriteToConsole(ReportFixtures.PopulationBasedTraining());

        var stopped = text.IndexOf("Stopped by the trial scheduler (1)", StringComparison.Ordinal);
        var exploits = text.IndexOf("Population-based training: exploits (3)", StringComparison.Ordinal);
        Assert.InRange(stopped, 0, exploits);
        Assert.Contains($"trial 1 paused after epoch 4: {ReportFixtures.PausedReason}", text);
        Assert.Contains("trial 2 (combination 2, seed 1) at epoch 2 copied trial 0: learning rate ×0.8, weight decay ×1.2, batch size ×0.8", text);
        Assert.Contains("trial 3 (combination 3, seed 1) at epoch 4 copied trial 0: resampled from the search space (draw 1)", text);
        var lines = text.Split('\n');
        Assert.Contains(" PBT ", lines.First(l => l.Contains("learning_rate", StringComparison.Ordinal)));
        Assert.Contains("exploited ×2, see exploits", lines.First(l => l.Contains("constant(0.003)", StringComparison.Ordinal)));
        Assert.Contains("exploited ×1, see exploits", lines.First(l => l.Contains("constant(0.01)", StringComparison.Ordinal)));
        Assert.DoesNotContain("exploited", lines.First(l => l.Contains("constant(0.1)", StringComparison.Ordinal)));
    }

    [Fact]
    public void TheCompactRankingNotesExploitedCombinationsUnderTheirAxes()
    {
        var text = WriteToConsole(ReportFixtures.PopulationBasedTraining(), TableRenderer.FullRankingMinWidth - 1);

        var lines = text.Split('\n');
        var axes = Array.FindIndex(lines, l => l.Contains("learning_rate constant(0.003)", StringComparison.Ordinal));
        Assert.Contains("exploited ×2, see exploits", lines[axes + 1]);
        Assert.DoesNotContain(" PBT ", text);
    }

    [Fact]
    public void WithoutExploitsThereIsNoExploitSectionOrColumn()
    {
        var text = WriteToConsole(ReportFixtures.Realistic());

        Assert.DoesNotContain("exploit", text);
        Assert.DoesNotContain(" PBT ", text);
    }

    [Theory]
    [InlineData(TableRenderer.FullRankingMinWidth)]
    [InlineData(TableRenderer.IntervalMinWidth)]
    public void TheRankingShowsTheIntervalWhereItFits(int width)
    {
        var text = WriteToConsole(ReportFixtures.Realistic(), width);

        Assert.Contains("95% CI", RankingOf(text));
        Assert.Contains("[0.9", RankingOf(text));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(60)]
    public void ANarrowConsoleDropsTheIntervalColumnButKeepsTheLegend(int width)
    {
        var text = WriteToConsole(ReportFixtures.Realistic(), width);

        Assert.DoesNotContain("95% CI", RankingOf(text));
        Assert.Contains("± is the standard deviation over seeds", text);
    }

    [Fact]
    public void TiesWithTheTopAreMarkedAndTheRuleIsStated()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Completed("top", 0.90, 0.91, 0.92).Completed("noisy", 0.80, 0.85, 0.90).Completed("worse", 0.70, 0.71, 0.72).Build());
        var lines = WriteToConsole(report).Split('\n');

        Assert.Contains($"2 {ReportWords.TieMark}", lines.First(l => l.Contains("noisy", StringComparison.Ordinal)));
        Assert.DoesNotContain(ReportWords.TieMark, lines.First(l => l.Contains("worse", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Welch's t-test at 5%", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ConsoleWidth)]
    [InlineData(80)]
    public void EveryAxisHasATableOfItsValues(int width)
    {
        var text = WriteToConsole(ReportFixtures.Realistic(), width);

        Assert.Contains("val_accuracy by learning_rate", text);
        Assert.Contains("val_accuracy by batch_size", text);
        var lines = text.Split('\n');
        var stepRow = lines.First(l => l.Contains("step(32, γ=2, every 4)", StringComparison.Ordinal) && l.Contains("│     12 │         9 │", StringComparison.Ordinal));
        Assert.Contains("0.9377", stepRow); // the mean of the 9 completed trials with that batch size
    }

    [Fact]
    public void UnwrappedOutputKeepsEverySentenceOnOneLine()
    {
        var report = ReportFixtures.Realistic();
        using var writer = new StringWriter();
        TableRenderer.WriteUnwrapped(report, writer);
        var lines = writer.ToString().Split('\n');

        foreach (var sentence in ReportWords.StatisticsLegend(report.Header.Metric)) Assert.Contains(sentence, lines);
        Assert.Contains(lines, line => line.StartsWith(ReportWords.TopCombinationTitle(report.TopCombination!), StringComparison.Ordinal));
        Assert.Contains("95% CI", RankingOf(writer.ToString()));
    }

    /// <summary>The ranking table: from its title to its legend.</summary>
    private static string RankingOf(string text)
    {
        var start = text.IndexOf("Ranking", StringComparison.Ordinal);
        var end = text.IndexOf("± is the standard deviation", start, StringComparison.Ordinal);
        return text[start..end];
    }

    private static string WriteToConsole(SweepReport report, int width = ConsoleWidth)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = width;
        TableRenderer.Write(console, report);
        return writer.ToString();
    }
}
