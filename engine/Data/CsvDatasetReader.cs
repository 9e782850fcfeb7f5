// Reads a CSV file of numbers into a Dataset: features first, then the class label (classification) or the last
// `targets` columns (regression). A header row is optional and detected (a first row with a non-numeric cell).
// The file is streamed line by line; cells are parsed as spans in invariant culture.
// Deliberately does not: handle quoted fields, other separators, missing values or category names, cache results
// (DatasetCatalog does), or choose a task — every bad input is a DataFormatException naming file, line and column.
using System.Text;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Loads numeric CSV files into <see cref="Dataset"/>s.</summary>
public static class CsvDatasetReader
{
    private const int FileBufferBytes = 1 << 16;

    /// <summary>Reads <paramref name="path"/> into a dataset named by its full path.</summary>
    /// <param name="path">The CSV file; relative paths resolve against the current directory.</param>
    /// <param name="task">Classification: the last column is a non-negative integer label. Regression: the last
    /// <paramref name="targets"/> columns are targets.</param>
    /// <param name="targets">Regression only: how many trailing columns are targets (at least 1).</param>
    /// <exception cref="ArgumentException">Empty path, or <paramref name="targets"/> &lt; 1 for regression.</exception>
    /// <exception cref="DataFormatException">The file is missing or is not a valid numeric table.</exception>
    public static Dataset Read(string path, TaskKind task = TaskKind.Classification, int targets = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        CheckTargets(task, targets);
        var fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
            throw new DataFormatException(fullPath, null, null, $"is a folder, not a CSV file: {fullPath} (give the path of a .csv file in it)");
        if (!File.Exists(fullPath)) throw new DataFormatException(fullPath, null, null, $"file not found: {fullPath}");

        using var reader = new StreamReader(fullPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, FileBufferBytes);
        return Read(reader, fullPath, fullPath, task, targets);
    }

    /// <summary>Reads CSV <paramref name="bytes"/> (UTF-8; a byte-order mark is allowed) into a dataset named
    /// <paramref name="source"/>, which error messages name too.</summary>
    internal static Dataset Read(byte[] bytes, string source, TaskKind task, int targets)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, source, source, task, targets);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text, consumed to its end.</param>
    /// <param name="source">How error messages name the input (a file path or a resource name).</param>
    /// <param name="name">The dataset's name.</param>
    /// <param name="task">See <see cref="Read(string, TaskKind, int)"/>.</param>
    /// <param name="targets">See <see cref="Read(string, TaskKind, int)"/>.</param>
    internal static Dataset Read(TextReader reader, string source, string name, TaskKind task, int targets)
    {
        ArgumentNullException.ThrowIfNull(reader);
        CheckTargets(task, targets);
        var parser = new CsvTableParser(source, name, task, targets);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            parser.AddLine(line, ++lineNumber);
        }
        return parser.Finish();
    }

    private static void CheckTargets(TaskKind task, int targets)
    {
        if (task == TaskKind.Regression) ArgumentOutOfRangeException.ThrowIfLessThan(targets, 1);
    }
}
