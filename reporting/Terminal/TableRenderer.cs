// The terminal format: a header (name, state, metric, trial counts, elapsed and compute time, the best trial), then
// the report document's sections laid out by TerminalDocument on a Spectre.Console IAnsiConsole (the ranking compact on
// narrow consoles, the top combination's final epoch, failures and the scheduler's work as lists).
// Write(report, TextWriter) writes the same output as plain text (no ANSI codes) at a fixed width to a file or a string,
// and WriteUnwrapped without wrapping any line (a pipe or a log); neither reads the terminal.
using Spectre.Console;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Document;

namespace SweepCluster.Reporting.Terminal;

/// <summary>Renders the report as terminal tables.</summary>
public sealed class TableRenderer : IReportRenderer
{
    /// <summary>Ranking rows shown; the rest are summarised in a note.</summary>
    public const int MaxRankingRows = RankingSectionBuilder.ShortLayoutRows;

    /// <summary>The console width used by <see cref="Write(SweepReport, TextWriter)"/>.</summary>
    public const int TextWidth = 160;

    /// <summary>Narrower consoles get the compact ranking: axes in one cell, no epochs, compute time or silos.</summary>
    public const int FullRankingMinWidth = TerminalLayout.DetailMinWidth;

    /// <summary>Narrower consoles also drop the interval column from the compact ranking (the legend still explains it).</summary>
    public const int IntervalMinWidth = TerminalLayout.SecondaryMinWidth;

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
        var document = ReportDocumentBuilder.Build(report);
        WriteSummary(console, document.Summary);
        TerminalDocument.Write(console, document);
    }

    private static void WriteSummary(IAnsiConsole console, ReportSummary summary)
    {
        // One paragraph: two writes on one row would each wrap at the width on their own and the row overflow it.
        console.Write(new Paragraph()
            .Append(summary.Name, new Style(decoration: Decoration.Bold))
            .Append($"  {summary.SweepId} · {summary.Status} · {summary.Metric}\n"));
        console.WriteLine($"{summary.Trials}: {summary.StatusCounts}");
        console.WriteLine(summary.Times);
        console.WriteLine(summary.BestTrialLine);
        console.WriteLine();
}
}
