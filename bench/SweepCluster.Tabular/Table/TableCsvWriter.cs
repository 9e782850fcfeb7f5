// Writes a table's curves as gzip'd CSV, byte for byte the same for the same curves (fixed gzip header, invariant
// numbers, "\n" line ends).
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace SweepCluster.Tabular.Table;

/// <summary>Writes the curves file of a table; <see cref="TableCsvReader"/> reads it back.</summary>
public static class TableCsvWriter
{
    /// <summary>Writes <paramref name="curves"/>, in the given order, under a header for <paramref name="metadata"/>.</summary>
    public static void Write(Stream destination, TableMetadata metadata, IEnumerable<TableCurve> curves)
    {
        using var gzip = new GZipStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gzip, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        var space = metadata.Space();
        writer.WriteLine(string.Join(",", TableColumns.Header(metadata)));
        foreach (var curve in curves)
        {
            var cells = new List<string> { curve.Dataset };
            cells.AddRange(space.Labels(curve.Configuration));
            cells.Add(curve.Seed.ToString(CultureInfo.InvariantCulture));
            cells.Add(TableColumns.Label(curve.End));
            cells.AddRange(Padded(curve.Metric.Select(Number), metadata.Epochs));
            cells.AddRange(Padded(curve.Loss.Select(Number), metadata.Epochs));
            cells.AddRange(Padded(curve.Steps.Select(s => s.ToString(CultureInfo.InvariantCulture)), metadata.Epochs));
            writer.WriteLine(string.Join(",", cells));
        }
    }

    private static string Number(double value) =>
        double.IsFinite(value) ? value.ToString(TableColumns.NumberFormat, CultureInfo.InvariantCulture) : TableColumns.NotANumber;

    private static IEnumerable<string> Padded(IEnumerable<string> cells, int count)
    {
        var list = cells.ToList();
        return list.Concat(Enumerable.Repeat("", count - list.Count));
    }
}
