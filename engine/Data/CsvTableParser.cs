// The line-by-line state machine behind CsvDatasetReader: detects the optional header, checks that every row has the
// same number of columns, and parses features, the class label or the regression targets into chunked buffers.
// Deliberately does not: open files, handle quoted fields or other separators, or guess the task — the caller says
// whether the last column is a label or the last `targets` columns are targets.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Feeds one physical CSV line at a time; <see cref="Finish"/> builds the dataset.</summary>
internal sealed class CsvTableParser(string source, string name, TaskKind task, int targets)
{
    /// <summary>Largest class index accepted, so a stray value cannot ask for a billion-way output layer.</summary>
    internal const int MaxClassLabel = 99_999;

    private const char Separator = ',';
    private const string NumberExpectation = "every cell must be a finite number (invariant culture, e.g. 3.5)";
    private const string LabelExpectation =
        "the last column is the class label and must be a non-negative integer (e.g. 0, 1, 2; 3.0 is accepted)";

    private readonly ChunkedBuffer<float> _inputs = new();
    private readonly ChunkedBuffer<int> _labels = new();
    private readonly ChunkedBuffer<float> _targets = new();
    private int _columns;          // 0 until the first non-blank line
    private int _firstLine;        // the line the column count was taken from
    private int? _headerLine;
    private int _rows;
    private int _maxLabel = -1;

    private int TrailingColumns => task == TaskKind.Classification ? 1 : targets;

    /// <summary>Parses one line (without its line break); blank lines are skipped.</summary>
    /// <param name="line">The raw line.</param>
    /// <param name="lineNumber">1-based physical line number, used in error messages.</param>
    /// <exception cref="DataFormatException">The line is not a valid row.</exception>
    public void AddLine(ReadOnlySpan<char> line, int lineNumber)
    {
        if (line.IsWhiteSpace()) return;
        var columns = line.Count(Separator) + 1;
        if (_columns == 0)
        {
            StartTable(line, columns, lineNumber);
            if (_headerLine is not null) return;
        }
        else if (columns != _columns)
        {
            var column = Math.Min(columns, _columns) + 1;
            throw Error(lineNumber, column, $"expected {_columns} columns like line {_firstLine}, found {columns}");
        }
        AddRow(line, lineNumber);
    }

    /// <summary>Builds the dataset from every row seen.</summary>
    /// <exception cref="DataFormatException">The input had no rows, or only a header.</exception>
    public Dataset Finish()
    {
        if (_columns == 0)
            throw new DataFormatException(source, null, null,
                "file is empty; expected comma-separated rows of numbers (features first, then the label or targets)");
        if (_rows == 0)
            throw Error(_headerLine ?? _firstLine, null, "has a header row but no data rows; expected at least one row of numbers");

        var features = _columns - TrailingColumns;
        return task == TaskKind.Classification
            ? new Dataset(name, task, _inputs.ToArray(), features, _labels.ToArray(), null, _maxLabel + 1)
            : new Dataset(name, task, _inputs.ToArray(), features, null, _targets.ToArray(), targets);
    }

    private void StartTable(ReadOnlySpan<char> line, int columns, int lineNumber)
    {
        _columns = columns;
        _firstLine = lineNumber;
        var needed = TrailingColumns + 1;
        if (columns < needed)
        {
            var what = task == TaskKind.Classification
                ? "one or more features, then the label"
                : $"one or more features, then {targets} target column{(targets == 1 ? "" : "s")}";
            throw Error(lineNumber, null, $"found {columns} column{(columns == 1 ? "" : "s")}, expected at least {needed} ({what})");
        }
        if (!AllCellsAreNumbers(line)) _headerLine = lineNumber;
    }

    private static bool AllCellsAreNumbers(ReadOnlySpan<char> line)
    {
        foreach (var range in line.Split(Separator))
        {
            if (!CsvCell.TryParseFloat(line[range].Trim(), out _)) return false;
        }
        return true;
    }

    private void AddRow(ReadOnlySpan<char> line, int lineNumber)
    {
        var features = _columns - TrailingColumns;
        var column = 0;
        foreach (var range in line.Split(Separator))
        {
            column++;
            var cell = line[range].Trim();
            if (column <= features)
                _inputs.Add(ParseFinite(cell, lineNumber, column));
            else if (task == TaskKind.Classification)
                AddLabel(cell, lineNumber, column);
            else
                _targets.Add(ParseFinite(cell, lineNumber, column));
        }
        _rows++;
    }

    private float ParseFinite(ReadOnlySpan<char> cell, int lineNumber, int column)
    {
        if (CsvCell.TryParseFloat(cell, out var value) && float.IsFinite(value)) return value;
        throw Error(lineNumber, column, $"{Describe(cell, isNumber: CsvCell.TryParseFloat(cell, out _))}; {NumberExpectation}");
    }

    private void AddLabel(ReadOnlySpan<char> cell, int lineNumber, int column)
    {
        if (!CsvCell.TryParseDouble(cell, out var value) || !double.IsFinite(value))
            throw Error(lineNumber, column, $"{Describe(cell, isNumber: CsvCell.TryParseDouble(cell, out _))}; {LabelExpectation}");
        if (value < 0 || value != Math.Floor(value))
            throw Error(lineNumber, column, $"{CsvCell.Quote(cell)} is not a class label; {LabelExpectation}");
        if (value > MaxClassLabel)
            throw Error(lineNumber, column, $"{CsvCell.Quote(cell)} is too large for a class label; at most {MaxClassLabel}");
        var label = (int)value;
        _labels.Add(label);
        _maxLabel = Math.Max(_maxLabel, label);
    }

    private static string Describe(ReadOnlySpan<char> cell, bool isNumber) =>
        cell.IsEmpty ? "empty cell" : isNumber ? $"{CsvCell.Quote(cell)} is not finite" : $"{CsvCell.Quote(cell)} is not a number";

    private DataFormatException Error(int line, int? column, string message) => new(source, line, column, message);
}
