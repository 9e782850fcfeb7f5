// Name resolution, CSV paths, task rules, did-you-mean and caching in DatasetCatalog.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Tests.Data;

public sealed class DatasetCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("irsi", "iris")]
    [InlineData("Digit", "digits")]
    [InlineData("fashion_mnist", "fashion-mnist")]
    [InlineData("spiral", "spirals")]
    [InlineData("breast_cancer", "breast-cancer")]
    public void UnknownNameSuggestsClosestAndListsValidNames(string typo, string suggestion)
    {
        var error = Assert.Throws<SpecException>(() => DatasetCatalog.Load(typo, new DatasetRequest()));
        var only = Assert.Single(error.Errors);
        Assert.Equal("dataset", only.Field);
        Assert.Contains($"did you mean \"{suggestion}\"?", only.Message);
        Assert.All(DatasetCatalog.BuiltInNames, name => Assert.Contains(name, only.Message));
    }

    [Fact]
    public void BuiltInNamesAreCaseInsensitive() =>
        Assert.Same(DatasetCatalog.Load("iris", new DatasetRequest()), DatasetCatalog.Load("IRIS", new DatasetRequest()));

    [Fact]
    public void CachingReturnsTheSameInstance()
    {
        Assert.Same(DatasetCatalog.Load("digits", new DatasetRequest()), DatasetCatalog.Load("digits", new DatasetRequest(DataSeed: 99)));
        var spirals = DatasetCatalog.Load("spirals", new DatasetRequest(DataSeed: 1));
        Assert.Same(spirals, DatasetCatalog.Load("spirals", new DatasetRequest(DataSeed: 1)));
        Assert.NotSame(spirals, DatasetCatalog.Load("spirals", new DatasetRequest(DataSeed: 2)));
    }

    [Fact]
    public void ConcurrentLoadsShareOneInstance()
    {
        var request = new DatasetRequest(DataSeed: 12345);
        var loaded = new Dataset[8];
        Parallel.For(0, loaded.Length, i => loaded[i] = DatasetCatalog.Load("synthetic-regression", request));
        Assert.All(loaded, data => Assert.Same(loaded[0], data));
    }

    [Fact]
    public void CsvPathResolvesAgainstBaseDirectoryAndIsCachedUntilRewritten()
    {
        var path = _temp.Write("data.csv", "x,label\n1,0\n2,1\n");
        var request = new DatasetRequest(BaseDirectory: _temp.Path);
        var first = DatasetCatalog.Load("data.csv", request);
        Assert.Equal((2, 1, 2, path), (first.Rows, first.Features, first.Outputs, first.Name));
        Assert.Same(first, DatasetCatalog.Load(path, new DatasetRequest()));
        Assert.Same(first, DatasetCatalog.Load("./data.csv", request with { Targets = 4 })); // classification ignores targets

        File.WriteAllText(path, "x,label\n1,0\n2,1\n3,2\n");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));
        var rewritten = DatasetCatalog.Load("data.csv", request);
        Assert.Equal(3, rewritten.Rows);
    }

    [Fact]
    public void CsvDefaultsToClassificationAndHonoursRegressionTargets()
    {
        var path = _temp.Write("reg.csv", "1,2,3\n4,5,6\n");
        Assert.Equal(TaskKind.Classification, DatasetCatalog.Load(path, new DatasetRequest()).Task);
        var regression = DatasetCatalog.Load(path, new DatasetRequest(TaskKind.Regression, Targets: 2));
        Assert.Equal((TaskKind.Regression, 1, 2), (regression.Task, regression.Features, regression.Outputs));
        Assert.Equal([2f, 3f, 5f, 6f], regression.Targets!);
    }

    [Fact]
    public void MissingCsvIsDataFormatExceptionAndAFailedLoadIsNotCached()
    {
        var path = Path.Combine(_temp.Path, "later.csv");
        var error = Assert.Throws<DataFormatException>(() => DatasetCatalog.Load(path, new DatasetRequest()));
        Assert.Equal($"file not found: {path}", error.Reason);

        File.WriteAllText(path, "1,0\n");
        Assert.Equal(1, DatasetCatalog.Load(path, new DatasetRequest()).Rows);
    }

    [Fact]
    public void RejectsTaskTheBuiltInDoesNotHaveAndBadTargets()
    {
        var wrongTask = Assert.Throws<SpecException>(() => DatasetCatalog.Load("iris", new DatasetRequest(TaskKind.Regression)));
        Assert.Equal("task", wrongTask.Errors[0].Field);
        Assert.Contains("which is classification", wrongTask.Message);

        var wrongTargets = Assert.Throws<SpecException>(() => DatasetCatalog.Load("synthetic-regression", new DatasetRequest(Targets: 2)));
        Assert.Equal("targets", wrongTargets.Errors[0].Field);

        var noTargets = Assert.Throws<SpecException>(() => DatasetCatalog.Load("x.csv", new DatasetRequest(TaskKind.Regression, Targets: 0)));
        Assert.Equal("targets", noTargets.Errors[0].Field);
    }
}
