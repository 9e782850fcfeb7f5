// CSV reading: headers, line endings, labels, regression targets, and every malformed input's located error.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class CsvDatasetReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsHeaderedFile()
    {
        var path = _temp.Write("h.csv", "a,b,label\n1,2,0\n3.5,-4e1,2\n");
        var data = CsvDatasetReader.Read(path);
        Assert.Equal((2, 2, 3), (data.Rows, data.Features, data.Outputs));
        Assert.Equal([1f, 2f, 3.5f, -40f], data.Inputs);
        Assert.Equal([0, 2], data.Labels!);
        Assert.Equal(TaskKind.Classification, data.Task);
    }

    [Fact]
    public void ReadsFileWithoutHeaderCrlfBlankLinesAndWhitespace()
    {
        var path = _temp.Write("n.csv", "\r\n 1 , 2 ,1\r\n\r\n   \r\n3,4, 3.0 \r\n");
        var data = CsvDatasetReader.Read(path);
        Assert.Equal((2, 2, 4), (data.Rows, data.Features, data.Outputs));
        Assert.Equal([1f, 2f, 3f, 4f], data.Inputs);
        Assert.Equal([1, 3], data.Labels!);
    }

    [Fact]
    public void ReadsRegressionTargetsFromTrailingColumns()
    {
        var path = _temp.Write("r.csv", "x1,x2,y1,y2\n1,2,0.5,-1.5\n3,4,2.25,7\n");
        var data = CsvDatasetReader.Read(path, TaskKind.Regression, targets: 2);
        Assert.Equal(TaskKind.Regression, data.Task);
        Assert.Equal((2, 2, 2), (data.Rows, data.Features, data.Outputs));
        Assert.Equal([1f, 2f, 3f, 4f], data.Inputs);
        Assert.Equal([0.5f, -1.5f, 2.25f, 7f], data.Targets!);
        Assert.Null(data.Labels);
    }

    [Fact]
    public void ParsesLikeFloatParseIncludingNegativeZeroAndLongIntegers()
    {
        var path = _temp.Write("p.csv", "-0,16777217,0.1,1e-3,+7,0\n");
        var data = CsvDatasetReader.Read(path);
        Assert.Equal([-0f, 16777217f, 0.1f, 1e-3f, 7f], data.Inputs);
        Assert.True(float.IsNegative(data.Inputs[0]));
    }

    public static TheoryData<string, string, int, int?, string> BadFiles => new()
    {
        // name, content, line, column, fragment of the message
        { "not-a-number", "1,2,0\n3,abc,1\n", 2, 2, "\"abc\" is not a number; every cell must be a finite number (invariant culture" },
        { "header-then-text", "a,b,label\n1,2,0\n1,x,0\n", 3, 2, "\"x\" is not a number" },
        { "comma-decimal", "1,2,0\n\"3,5\",2,0\n", 2, 4, "expected 3 columns like line 1, found 4" },
        { "ragged-short", "a,b,c,d,label\n1,2,3,4,0\n1,2,3,0\n", 3, 5, "expected 5 columns like line 1, found 4" },
        { "ragged-long", "1,2,0\n\n1,2,3,0\n", 3, 4, "expected 3 columns like line 1, found 4" },
        { "nan", "1,2,0\nNaN,2,0\n", 2, 1, "\"NaN\" is not finite; every cell must be a finite number" },
        { "infinity", "1,2,0\n1,-Infinity,0\n", 2, 2, "\"-Infinity\" is not finite" },
        { "empty-cell", "1,2,0\n1,,0\n", 2, 2, "empty cell; every cell must be a finite number" },
        { "fractional-label", "1,2,0\n1,2,2.5\n", 2, 3, "\"2.5\" is not a class label; the last column is the class label and must be a non-negative integer" },
        { "text-label", "a,label\n1,0\n1,cat\n", 3, 2, "\"cat\" is not a number; the last column is the class label" },
        { "negative-label", "1,2,0\n1,2,-1\n", 2, 3, "\"-1\" is not a class label" },
        { "huge-label", "1,2,0\n1,2,1e9\n", 2, 3, "too large for a class label" },
        { "too-few-columns", "\n7\n8\n", 2, null, "found 1 column, expected at least 2 (one or more features, then the label)" },
        { "header-only", "a,b,label\n\n", 1, null, "has a header row but no data rows" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFileNamesFileLineColumnAndExpectation(string name, string content, int line, int? column, string fragment)
    {
        var path = _temp.Write(name + ".csv", content);
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(path));
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(fragment, error.Message);
        Assert.StartsWith(column is null ? $"{path}:{line}: " : $"{path}:{line}: column {column}: ", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n  \r\n\n")]
    public void EmptyFileHasNoLine(string content)
    {
        var path = _temp.Write("empty.csv", content);
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(path));
        Assert.Null(error.Line);
        Assert.Contains("file is empty", error.Message);
    }

    [Fact]
    public void MissingFileNamesAbsolutePathWithoutLine()
    {
        var path = Path.Combine(_temp.Path, "missing.csv");
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(path));
        Assert.Null(error.Line);
        Assert.Equal($"file not found: {path}", error.Reason);
    }

    [Fact]
    public void AFolderIsNamedAsAFolderNotAsAMissingFile()
    {
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(_temp.Path));
        Assert.Null(error.Line);
        Assert.Equal($"is a folder, not a CSV file: {_temp.Path} (give the path of a .csv file in it)", error.Reason);
    }

    [Fact]
    public void RegressionNeedsMoreColumnsThanTargets()
    {
        var path = _temp.Write("t.csv", "1,2\n3,4\n");
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(path, TaskKind.Regression, targets: 2));
        Assert.Equal(1, error.Line);
        Assert.Contains("expected at least 3 (one or more features, then 2 target columns)", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => CsvDatasetReader.Read(path, TaskKind.Regression, targets: 0));
    }

    [Fact]
    public void RegressionTargetMustBeFinite()
    {
        var path = _temp.Write("t.csv", "1,2\n3,inf\n");
        var error = Assert.Throws<DataFormatException>(() => CsvDatasetReader.Read(path, TaskKind.Regression));
        Assert.Equal((2, 2), (error.Line, error.Column));
    }

    [Fact]
    public void ReadsLargeFileAcrossBufferChunks()
    {
        const int rows = 3000, features = 400; // 1.2M cells: more than one ChunkedBuffer chunk
        var path = Path.Combine(_temp.Path, "large.csv");
        using (var writer = new StreamWriter(path))
        {
            for (var row = 0; row < rows; row++)
            {
                for (var j = 0; j < features; j++) writer.Write($"{(row + j) % 256},");
                writer.WriteLine(row % 10);
            }
        }
        var data = CsvDatasetReader.Read(path);
        Assert.Equal((rows, features, 10), (data.Rows, data.Features, data.Outputs));
        Assert.Equal((rows - 1 + features - 1) % 256, data.Inputs[^1]);
        Assert.Equal(9, data.Labels![^1]);
    }
}
