// The terminal format: a header line, the ranking (top rows, and the note of a cut ranking), the metric by schedule
// family, the best trial's final epoch, the failures, the trials the scheduler stopped and PBT's exploits, written to a
// Spectre.Console IAnsiConsole. Colour only marks the best row and problems.
// Write(report, TextWriter) writes the same output as plain text (no ANSI codes) at a fixed width to a file or a string;
// it never reads the terminal.
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

    /// <summary>PBT exploits listed (a population has several per generation); the rest are summarised in a note.</summary>
    public const int MaxExploitRows = 20;

    /// <summary>The console width used by <see cref="Write(SweepReport, TextWriter)"/>.</summary>
    public const int TextWidth = 160;

    /// <summary>Narrower consoles get the compact ranking: no interval, epochs, wall time or silos.</summary>
    public const int FullRankingMinWidth = 140;

    private static readonly Style BestRowStyle = new(Color.Green, decoration: Decoration.Bold);
    private static readonly Style ProblemStyle = new(Color.Red);
    private static readonly Style NoteStyle = new(decoration: Decoration.Dim);

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Table;

    /// <inheritdoc />
    public string FileExtension => ".txt";

    /// <inheritdoc />
    public void Write(SweepReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = TextWidth;
        Write(console, report);
    }

    /// <summary>Writes the report to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        WriteHeader(console, report.Header);
        WriteRanking(console, report);
        WriteFamilies(console, report.Families);
        WriteBestTrial(console, report);
        TerminalHeldOutTest.Write(console, report.HeldOutTest);
        WriteFailures(console, report.Failures);
        WriteStopped(console, report.Stopped ?? []);
        WriteExploits(console, report.Exploits ?? []);
    }

    private static void WriteHeader(IAnsiConsole console, ReportHeader header)
    {
        console.Write(new Text(header.Name, new Style(decoration: Decoration.Bold)));
        console.WriteLine($"  {header.SweepId} · {ReportText.Name(header.Status)} · {ReportText.Metric(header.Metric)}");
        console.WriteLine($"{header.TotalTrials} trials: {ReportText.StatusCounts(header)} · wall time " +
            $"{ReportText.Duration(header.TotalWallSeconds)} total, {ReportText.Duration(header.MeanWallSeconds)} mean");
        console.WriteLine();
    }

    private static void WriteRanking(IAnsiConsole console, SweepReport report)
    {
        var axisPaths = report.Axes.Select(a => a.Path).ToArray();
        var marks = ExploitMarks.Of(report);
        var full = console.Profile.Width >= FullRankingMinWidth;
        var table = new Table().Title("Ranking").Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("#").RightAligned());
        if (full) foreach (var path in axisPaths) table.AddColumn(new TableColumn(new Text(path)));
        else table.AddColumn(new TableColumn("combination"));      // narrow consoles: one axis per line in one cell
        if (full && marks.Any) table.AddColumn(new TableColumn(ExploitMarks.Heading));
        table.AddColumn(new TableColumn(ReportText.Name(report.Header.Metric.Name)).RightAligned().NoWrap());
        if (full) table.AddColumn(new TableColumn("95% CI"));
        var pruned = PrunedColumn.IsShown(report);
        foreach (var heading in new[] { "n", "div", "fail" }) table.AddColumn(new TableColumn(heading).RightAligned());
        if (pruned) table.AddColumn(new TableColumn(PrunedColumn.Heading).RightAligned());
        if (full)
        {
            foreach (var heading in new[] { "epochs", "wall" }) table.AddColumn(new TableColumn(heading).RightAligned());
            table.AddColumn(new TableColumn("silos"));
        }

        foreach (var row in report.Ranking.Take(MaxRankingRows))
        {
            var style = row.Rank == 1 && row.Metric is not null ? BestRowStyle : Style.Plain;
            var axes = axisPaths.Select(p => row.Axes.FirstOrDefault(a => a.Path == p)?.Value ?? "").ToArray();
            var note = marks.NoteFor(row.Combination);
            string[] noteCells = marks.Any ? [note] : [];
            string[] prunedCells = pruned ? [ReportText.Integer(row.Pruned)] : [];
            var combination = axisPaths.Zip(axes, (path, value) => $"{path} {value}").Concat(note.Length > 0 ? [note] : []);
            string[] cells = full
                ?
                [
                    ReportText.Integer(row.Rank), .. axes, .. noteCells,
                    ReportText.MeanStd(row.Metric), ReportText.Interval(row.Metric), ReportText.Integer(row.Completed),
                    ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed), .. prunedCells, ReportText.Epochs(row.MeanEpochs),
                    ReportText.Duration(row.WallSeconds), string.Join(", ", row.Silos),
                ]
                :
                [
                    ReportText.Integer(row.Rank),
                    string.Join("\n", combination),
                    ReportText.MeanStd(row.Metric), ReportText.Integer(row.Completed),
                    ReportText.Integer(row.Diverged), ReportText.Integer(row.Failed), .. prunedCells,
                ];
            table.AddRow(cells.Select(c => (IRenderable)new Text(c, style)));
        }
        console.Write(table);
        var shown = Math.Min(report.Ranking.Count, MaxRankingRows);
        var combinations = report.TotalCombinations ?? report.Ranking.Count;
        if (combinations > shown) console.Write(new Text(ReportText.MoreRows(shown, combinations, "combinations") + "\n", NoteStyle));
        if (ReportCuts.RankingNote(report) is { } cut) console.Write(new Text(cut + "\n", NoteStyle));
        console.WriteLine();
    }

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

    private static void WriteBestTrial(IAnsiConsole console, SweepReport report)
    {
        if (report.BestTrial is not { History.Count: > 0 } best)
        {
            console.WriteLine("No trial has completed yet.");
            return;
        }
        var final = best.History[^1];
        console.Write(new Text($"Best trial {best.Index} (combination {best.Combination}, seed {best.Seed}): ", new Style(decoration: Decoration.Bold)));
        console.Write(new Text(ReportText.Axes(best.Axes) + "\n"));
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
