// A run table as CSV: a header row of the column names, then one record per row; RFC 4180 (comma, CRLF, fields quoted
// by CsvField), invariant culture, numbers in round-trip form, an empty field for null, NaN and infinities.
// `pd.read_csv` reads it back with integer, float and string columns.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Csv;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Runs;

/// <summary>Writes a <see cref="RunTable"/> as CSV.</summary>
public static class RunTableCsv
{
    /// <summary>The whole table, header first, every record ending in CRLF.</summary>
    public static string Render(RunTable table)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(text, table);
        return text.ToString();
    }

    /// <summary>Writes the table to <paramref name="output"/> record by record (a 100,000-trial table never becomes one string).</summary>
    public static void Write(TextWriter output, RunTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        WriteLine(output, table.Columns.Select(column => column.Name));
        foreach (var row in table.Rows) WriteLine(output, row.Select(Field));
    }

    /// <summary>One cell as a CSV field's text, before quoting.</summary>
    public static string Field(object? cell) => cell switch
    {
        null => "",
        string text => text,
        long integer => ReportText.Integer(integer),
        double real when double.IsFinite(real) => ReportText.Exact(real),
        double => "",
        _ => throw new ArgumentException($"a run-table cell is a string, long or double, not {cell.GetType().Name}", nameof(cell)),
    };

    private static void WriteLine(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(",", fields.Select(CsvField.Quote)));
        output.Write(CsvRenderer.LineEnd);
    }
}
