// Lays out the format-neutral report document on a Spectre.Console console: each table titled by itself or its
// section, with the columns the console's width allows (TerminalLayout), the rows a short layout lists and a note on
// the rest, its notes dimmed under it; rows that read as sentences listed under "heading (count)"; facts as a grid;
// detail tables (a whole history) left out. Colour only marks the best row and problems. It decides no content.
using Spectre.Console;
using Spectre.Console.Rendering;
using SweepCluster.Reporting.Document;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Terminal;

/// <summary>Writes <see cref="ReportDocument"/> sections to a console.</summary>
public static class TerminalDocument
{
    private const string Indent = "  ";

    private static readonly Style BestRowStyle = new(Color.Green, decoration: Decoration.Bold);
    private static readonly Style ProblemStyle = new(Color.Red);
    private static readonly Style NoteStyle = new(decoration: Decoration.Dim);
    private static readonly Style LeadStyle = new(decoration: Decoration.Bold);

    /// <summary>Writes every section of <paramref name="document"/> in order.</summary>
    public static void Write(IAnsiConsole console, ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(document);
        foreach (var section in document.Sections) Write(console, section);
    }

    private static void Write(IAnsiConsole console, ReportSection section)
    {
        foreach (var paragraph in section.Paragraphs) console.Write(TextOf(paragraph));
        var spaced = false;
        foreach (var table in section.Tables.Where(TerminalLayout.ShowsTable))
        {
            if (table.IsList) WriteList(console, section, table);
            else
            {
                WriteTable(console, table.Title ?? section.Heading, table);
                spaced = true;
            }
        }
        if (section.Facts.Count > 0)
        {
            var grid = new Grid().AddColumn().AddColumn(new GridColumn().RightAligned());
            foreach (var fact in section.Facts) grid.AddRow(new Text(Indent + fact.Label), new Text(fact.Value));
            console.Write(grid);
            spaced = true;
        }
        if (spaced) console.WriteLine();
    }

    private static Text TextOf(ReportParagraph paragraph) => paragraph.Kind switch
    {
        ParagraphKind.Lead => new Text(paragraph.Text + "\n", LeadStyle),
        ParagraphKind.Code => new Text(Indent + paragraph.Text + "\n"),
        ParagraphKind.Aside => new Text(Indent + paragraph.Text + "\n", NoteStyle),
        _ => new Text(paragraph.Text + "\n"),
    };

    private static void WriteTable(IAnsiConsole console, string title, ReportTable table)
    {
        var columns = TerminalLayout.Columns(table, console.Profile.Width);
        var spectre = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
        foreach (var column in columns)
        {
            var shown = new TableColumn(new Text(column.Heading));
            if (column.Column.Alignment == ColumnAlignment.Right) shown.RightAligned();
            if (column.Column.Kind == CellKind.Number) shown.NoWrap();
            spectre.AddColumn(shown);
        }
        foreach (var row in table.Rows.Take(ShownRows(table)))
        {
            var style = row.Emphasis == RowEmphasis.Best ? BestRowStyle : Style.Plain;
            spectre.AddRow(columns.Select(c => (IRenderable)new Text(c.TextOf(row), c.Column.Kind == CellKind.Problem ? ProblemStyle : style)));
        }
        console.Write(spectre);
        if (MoreRowsNote(table) is { } more) console.Write(new Text(more + "\n", NoteStyle));
        foreach (var sentence in table.Notes.SelectMany(n => n.Sentences)) console.Write(new Text(sentence + "\n", NoteStyle));
    }

    // A titled list, one sentence per row up to the short layout's limit and a note on the rest; nothing without rows.
    private static void WriteList(IAnsiConsole console, ReportSection section, ReportTable table)
    {
        if (table.Rows.Count == 0) return;
        var titleStyle = section.Tone switch
        {
            SectionTone.Problem => ProblemStyle,
            SectionTone.Aside => NoteStyle,
            _ => Style.Plain,
        };
        console.Write(new Text($"{table.Title ?? section.Heading} ({table.Rows.Count})\n", titleStyle));
        foreach (var row in table.Rows.Take(ShownRows(table))) console.Write(new Text(Indent + row.Sentence + "\n"));
        if (MoreRowsNote(table) is { } more) console.Write(new Text(Indent + more + "\n", NoteStyle));
        foreach (var sentence in table.Notes.SelectMany(n => n.Sentences)) console.Write(new Text(Indent + sentence + "\n", NoteStyle));
    }

    private static int ShownRows(ReportTable table) => Math.Min(table.ShortLayoutRows ?? table.Rows.Count, table.Rows.Count);

    /// <summary>"… 12 more combinations not shown (20 of 32)."; null when every row is shown.</summary>
    private static string? MoreRowsNote(ReportTable table)
    {
        var shown = ShownRows(table);
        var total = table.TotalRows ?? table.Rows.Count;
        return total > shown ? ReportText.MoreRows(shown, total, table.RowNoun) : null;
    }
}
