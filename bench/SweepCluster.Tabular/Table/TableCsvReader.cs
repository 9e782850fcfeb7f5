// Reads a table's gzip'd curves CSV (as TableCsvWriter writes it) back into curves.
using System.Globalization;
using System.IO.Compression;

namespace SweepCluster.Tabular.Table;

/// <summary>Reads the curves file of a table.</summary>
public static class TableCsvReader
{
    /// <exception cref="InvalidDataException">The header does not match <paramref name="metadata"/> or a row is malformed.</exception>
    public static IReadOnlyList<TableCurve> Read(Stream source, TableMetadata metadata)
    {
        using var gzip = new GZipStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new StreamReader(gzip);
        var header = reader.ReadLine() ?? throw new InvalidDataException("the curves file is empty");
        var expected = string.Join(",", TableColumns.Header(metadata));
        if (header != expected) throw new InvalidDataException("the curves file's header does not match the table description");
        var space = metadata.Space();
        var dimensions = metadata.Dimensions.Count;
        var epochs = metadata.Epochs;
        var curves = new List<TableCurve>();
        for (var (line, number) = (reader.ReadLine(), 2); line is not null; line = reader.ReadLine(), number++)
        {
            var cells = line.Split(',');
            if (cells.Length != 3 + dimensions + 3 * epochs) throw new InvalidDataException($"line {number}: {cells.Length} cells");
            var configuration = space.Parse(cells[1..(1 + dimensions)]);
            var seed = int.Parse(cells[1 + dimensions], CultureInfo.InvariantCulture);
            var end = Enum.Parse<CurveEnd>(cells[2 + dimensions], ignoreCase: true);
            var first = 3 + dimensions;
            var reached = cells[first..(first + epochs)].TakeWhile(c => c.Length > 0).Count();
            curves.Add(new TableCurve(cells[0], configuration, seed, end,
                Numbers(cells, first, reached), Numbers(cells, first + epochs, reached),
                cells[(first + 2 * epochs)..(first + 2 * epochs + reached)].Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray()));
        }
        return curves;
    }

    private static double[] Numbers(string[] cells, int start, int count) =>
        cells[start..(start + count)].Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray();
}
