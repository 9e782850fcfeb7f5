// The terminal format: a header (elapsed and compute time, the best trial), the ranking (top rows, ties with #1 marked,
// the note of a cut ranking, the legend of its statistics), the metric by axis value (compact, a random search's
// sampled values in bins), the metric by schedule family, the top combination's best
// seed's final epoch, the failures, the trials the scheduler stopped and PBT's exploits, written to a
// Spectre.Console IAnsiConsole. Colour only marks the best row and problems.
// Write(report, TextWriter) writes the same output as plain text (no ANSI codes) at a fixed width to a file or a string,
// and WriteUnwrapped without wrapping any line (a pipe or a log); neither reads the terminal.
using Spectre.Console;
using Spectre.Console.Rendering;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Terminal;

/// <summary>Renders the report as terminal tables.</summary>
public sealed class TableRenderer : IReportRenderer
{
    /// <summary>Ranking rows shown; the rest are summarised in a note.</summary>
    public const int MaxRankingRows = 20;

    /// <summary>Failures (and stopped trials) listed; the rest are summarised in a note.</summary>
    public const int MaxFailureRows = 10;

    /// <summary>Values listed per axis in the metric by axis value; the rest are summarised in a note. Enough for the
    /// bins of a random search over three schedule families.</summary>
    public const int MaxAxisRows = 3 * AxisBinsPerFamily;

    private const int AxisBinsPerFamily = AxisBins.BinCount;

    /// <summary>PBT exploits listed (a population has several per generation); the rest are summarised in a note.</summary>
    public const int MaxExploitRows = 20;

    /// <summary>The console width used by <see cref="Write(SweepReport, TextWriter)"/>.</summary>
    public const int TextWidth = 160;

    /// <summary>Narrower consoles get the compact ranking: axes in one cell, no epochs, compute time or silos.</summary>
    public const int FullRankingMinWidth = 140;

    /// <summary>Narrower consoles also drop the interval column from the compact ranking (the legend still explains it).</summary>
    public const int IntervalMinWidth = 96;

    private static readonly Style BestRowStyle = new(Color.Green, decoration: Decoration.Bold);
    private static readonly Style ProblemStyle = new(Color.Red);
    private static readonly Style NoteStyle = new(decoration: Decoration.Dim);

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Table;

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <summary>The width <see cref="WriteUnwrapped"/> lays out at: wider than any row, so no line is wrapped.</summary>
    public const int UnwrappedWidth = 10_000;

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output) => Write(report, output, TextWidth);

    /// <summary>Writes the report as plain text with no line wrapped, for output that is not a terminal (a pipe, a log):
    /// the full ranking, every sentence on one line.</summary>
    public static void WriteUnwrapped(SweepReport report, TextWriter output) => Write(report, output, UnwrappedWidth);

    private static void Write(SweepReport report, TextWriter output, int width)
    {
        Write(PlainConsole.Over(output, width), report);
    }

    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        WriteHeader(console, report.Header);
        console.WriteLine(ReportWords.BestTrialLine(report));
        console.WriteLine();
        WriteRanking(console, report);
        WriteAxes(console, report);
        WriteFamilies(console, report.Families);
        WriteTopCombination(console, report);
        TerminalHeldOutTest.Write(console, report.HeldOutTest);
        WriteFailures(console, report.Failures);
        WriteStopped(console, report.Stopped ?? []);
        WriteExploits(console, report.Exploits ?? []);
    }

    private static void WriteHeader(IAnsiConsole console, ReportHeader header)
    {
        // One paragraph: two writes on one row would each wrap at the width on their own and the row overflow it.
        console.Write(new Paragraph()
            .Append(header.Name, new Style(decoration: Decoration.Bold))
            .Append($"  {header.SweepId} · {ReportText.Name(header.Status)} · {ReportText.Metric(header.Metric)}\n"));
        console.WriteLine($"{header.TotalTrials} trials: {ReportText.StatusCounts(header)}");
        console.WriteLine(ReportWords.Times(header));
    }

    private static void WriteRanking(IAnsiConsole console, SweepReport report)
    {
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var marks = ExploitMarks.Of(report);
        var full = console.Profile.Width >= FullRankingMinWidth;
        var interval = full || console.Profile.Width >= IntervalMinWidth;
        var table = new Table().Title("Ranking").Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        if (full) foreach (var path in axisPaths) table.AddColumn(new TableColumn(new Text(path)));
        else table.AddColumn(new TableColumn("combination"));      // narrow consoles: one axis per line in one cell
        if (full && marks.Any) table.AddColumn(new TableColumn(ExploitMarks.Heading));
        table.AddColumn(new TableColumn(ReportText.Name(report.Header.Metric.Name)).RightAligned().NoWrap());
        if (interval) table.AddColumn(new TableColumn("95% CI").NoWrap());
        var pruned = PrunedColumn.IsShown(report);
        foreach (var heading in new[] { "n", "div", "fail" }) table.AddColumn(new TableColumn(heading).RightAligned());
        if (pruned) table.AddColumn(new TableColumn(PrunedColumn.Heading).RightAligned());
        if (full)
        {
            foreach (var heading in new[] { "epochs", ReportWords.Compute }) table.AddColumn(new TableColumn(heading).RightAligned());
            table.AddColumn(new TableColumn("silos"));
        }

        foreach (var row in report.Ranking.Take(MaxRankingRows))
        {
            var style = row.Rank == 1 && row.Metric is not null ? BestRowStyle : Style.Plain;
            var axes = axisPaths.Select(p => row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "").ToArray();
            var note = marks.NoteFor(row.Combination);
            string[] noteCells = marks.Any ? [note] : [];
            string[] prunedCells = pruned ? [ReportText.Integer(row.Pruned)] : [];
            string[] intervalCells = interval ? [ReportText.Interval(row.Metric)] : [];
            var combination = axisPaths.Zip(axes, (path, value) => $"{path} {value}").Concat(note.Length > 0 ? [note] : []);
            string[] cells = full
                ?
                [
                    ReportWords.Rank(row), .. axes, .. noteCells,
                    ReportText.MeanStd(row.Metric), ReportText.Interval(row.Metric), ReportText.Integer(row.Completed),
                    ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed), .. prunedCells, ReportText.Epochs(row.MeanEpochs),
                    ReportText.Duration(row.WallSeconds), string.Join(", ", row.Silos),
                ]
                :
                [
                    ReportWords.Rank(row),
                    string.Join("\n", combination),
                    ReportText.MeanStd(row.Metric), .. intervalCells, ReportText.Integer(row.Completed),
                    ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed), .. prunedCells,
                ];
            table.AddRow(cells.Select(c => (IRenderable)new Text(c, style)));
        }
        console.Write(table);
        var shown = Math.Min(report.Ranking.Count, MaxRankingRows);
        var combinations = report.TotalCombinations ?? report.Ranking.Count;
        if (combinations > shown) console.Write(new Text(ReportText.MoreRows(shown, combinations, "combinations") + "\n", NoteStyle));
        if (ReportCuts.RankingNote(report) is { } cut) console.Write(new Text(cut + "\n", NoteStyle));
        foreach (var line in ReportWords.StatisticsLegend(report.Header.Metric)) console.Write(new Text(line + "\n", NoteStyle));
        console.WriteLine();
    }

    // One small table per axis: does weight decay 1e-4 beat 0? A random search's sampled values come in bins (ranges).
    private static void WriteAxes(IAnsiConsole console, SweepReport report)
    {
        foreach (var axis in report.Axes)
        {
            var table = new Table().Title(Markup.Escape($"{ReportText.Name(report.Header.Metric.Name)} by {axis.Path}"))
                .Border(TableBorder.Rounded);
            table.AddColumn(new TableColumn(new Text(axis.SampledValues is null ? "value" : "value range")))
                .AddColumn(new TableColumn("n").RightAligned()).AddColumn(new TableColumn("mean").RightAligned().NoWrap())
                .AddColumn(new TableColumn("best").RightAligned().NoWrap());
            foreach (var value in axis.Values.Take(MaxAxisRows))
            {
                table.AddRow(new Text(value.Value), new Text($"{ReportText.Integer(value.Completed)}/{ReportText.Integer(value.Trials)}"),
                    new Text(ReportText.Metric(value.Mean)), new Text(ReportText.Metric(value.Best)));
            }
            console.Write(table);
            if (ReportCuts.AxisBinNote(axis) is { } bins) console.Write(new Text(bins + "\n", NoteStyle));
            var total = axis.TotalValues ?? axis.Values.Count;
            if (total > Math.Min(MaxAxisRows, axis.Values.Count)) console.Write(new Text(ReportText.MoreRows(Math.Min(MaxAxisRows, axis.Values.Count), total, "values") + "\n", NoteStyle));
        }
        if (report.Axes.Count > 0) console.Write(new Text(AxisTableNote + "\n", NoteStyle));
        console.WriteLine();
    }

    /// <summary>What the n column of the axis tables counts.</summary>
    private const string AxisTableNote = "n: completed trials / all trials with that value; mean and best over the completed ones.";

    private static void WriteFamilies(IAnsiConsole console, IReadOnlyList<FamilySummary> families)
    {
        var table = new Table().Title("Metric by schedule family").Border(TableBorder.Rounded);
        table.AddColumn("schedule").AddColumn("family").AddColumn(new TableColumn("trials").RightAligned())
            .AddColumn(new TableColumn("completed").RightAligned()).AddColumn(new TableColumn("mean ± std").RightAligned());
        foreach (var family in families)
        {
            table.AddRow(new Text(ReportText.Name(family.Target)), new Text(family.Family), new Text(ReportText.Integer(family.Trials)),
                new Text(ReportText.Integer(family.Completed)), new Text(ReportText.MeanStd(family.Metric)));
        }
        console.Write(table);
        console.WriteLine();
    }

    private static void WriteTopCombination(IAnsiConsole console, SweepReport report)
    {
        if (report.TopCombination is not { History.Count: > 0 } best)
        {
            console.WriteLine("No trial has completed yet.");
            return;
        }
        var final = best.History[^1];
        console.Write(new Text(ReportWords.TopCombinationTitle(best) + "\n", new Style(decoration: Decoration.Bold)));
        console.Write(new Text($"  {ReportText.Axes(best.Axes)}\n")); // its own line: two Texts on one line would wrap past the width
        if (ExploitMarks.LineageOf(report, best.Index) is { Length: > 0 } lineage) console.Write(new Text($"  PBT: {lineage}\n", NoteStyle));
        var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
        AddPair(grid, ReportText.Name(report.Header.Metric.Name), ReportText.Metric(best.Metric));
        AddPair(grid, "epochs", ReportText.Integer(final.Epoch));
        AddPair(grid, "train loss", ReportText.Metric(final.TrainLoss));
        AddPair(grid, "val loss", ReportText.Metric(final.ValLoss));
        AddPair(grid, "val metric", ReportText.Metric(final.ValMetric));
        AddPair(grid, "learning rate (last epoch)", ReportText.Number(final.LearningRate));
        AddPair(grid, "weight decay (last epoch)", ReportText.Number(final.WeightDecay));
        AddPair(grid, "batch size (last epoch)", ReportText.Integer(final.BatchSize));
        console.Write(grid);
        console.WriteLine();
    }

    private static void AddPair(Grid grid, string name, string value) => grid.AddRow(new Text("  " + name), new Text(value));

    private static void WriteFailures(IAnsiConsole console, IReadOnlyList<FailureEntry> failures) =>
        WriteList(console, "Failures", ProblemStyle, failures, MaxFailureRows, "failures", failure =>
            $"trial {failure.Index} (combination {failure.Combination}, seed {failure.Seed}) " +
            $"{ReportText.Name(failure.Status)}: {failure.Error ?? ReportText.Missing}");

    private static void WriteStopped(IAnsiConsole console, IReadOnlyList<StoppedEntry> stopped) =>
        WriteList(console, "Stopped by the trial scheduler", NoteStyle, stopped, MaxFailureRows, "stopped trials", entry =>
            $"trial {entry.Index} {ReportText.Name(entry.Status)} after epoch {entry.Epoch}: {entry.Reason ?? ReportText.Missing}");

    private static void WriteExploits(IAnsiConsole console, IReadOnlyList<ExploitEntry> exploits) =>
        WriteList(console, ExploitMarks.SectionTitle, NoteStyle, exploits, MaxExploitRows, "exploits", entry =>
            $"trial {entry.Index} (combination {entry.Combination}, seed {entry.Seed}) at epoch {entry.Exploit.Epoch} " +
            $"copied trial {entry.Exploit.DonorIndex}: {entry.Explore}");

    // A titled list, one line per item up to max and a note about the rest; nothing at all when there are no items.
    private static void WriteList<T>(IAnsiConsole console, string title, Style titleStyle, IReadOnlyList<T> items, int max, string noun,
        Func<T, string> line)
    {
        if (items.Count == 0) return;
        console.Write(new Text($"{title} ({items.Count})\n", titleStyle));
        foreach (var item in items.Take(max)) console.Write(new Text($"  {line(item)}\n"));
        if (items.Count > max) console.Write(new Text("  " + ReportText.MoreRows(max, items.Count, noun) + "\n", NoteStyle));
    }
}
