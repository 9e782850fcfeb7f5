// Every built-in dataset loads through the catalog with its documented shape and task.
// Fashion-MNIST must be installed (apt-get install dataset-fashion-mnist); CI installs it.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class BuiltInDatasetTests
{
    [Theory]
    [InlineData("iris", 150, 4, 3)]
    [InlineData("wine", 178, 13, 3)]
    [InlineData("breast-cancer", 569, 30, 2)]
    [InlineData("digits", 1797, 64, 10)]
    [InlineData("spirals", 1000, 2, 2)]
    [InlineData("fashion-mnist", 60000, 784, 10)]
    [InlineData("fashion-mnist-test", 10000, 784, 10)]
    public void ClassificationBuiltInHasItsShape(string name, int rows, int features, int classes)
    {
        var data = DatasetCatalog.Load(name, new DatasetRequest());
        Assert.Equal(name, data.Name);
        Assert.Equal(TaskKind.Classification, data.Task);
        Assert.Equal((rows, features, classes), (data.Rows, data.Features, data.Outputs));
        Assert.Equal(Enumerable.Range(0, classes), data.Labels!.Distinct().Order());
        Assert.All(data.Inputs, value => Assert.True(float.IsFinite(value)));
    }

    [Fact]
    public void FashionMnistPixelsAreInUnitInterval()
    {
        var data = DatasetCatalog.Load("fashion-mnist-test", new DatasetRequest());
        Assert.Equal(0f, data.Inputs.Min());
        Assert.Equal(1f, data.Inputs.Max());
    }

    [Fact]
    public void SyntheticRegressionIsRegressionWithOneTarget()
    {
        var data = DatasetCatalog.Load("synthetic-regression", new DatasetRequest(DataSeed: 3));
        Assert.Equal((TaskKind.Regression, 1000, 10, 1), (data.Task, data.Rows, data.Features, data.Outputs));
        Assert.Equal(1000, data.Targets!.Length);
    }

    [Fact]
    public void EveryBuiltInNameIsListedWithItsTask()
    {
        Assert.Equal(
            ["iris", "wine", "breast-cancer", "digits", "synthetic-regression", "spirals", "fashion-mnist", "fashion-mnist-test"],
            DatasetCatalog.BuiltInNames);
        Assert.True(DatasetCatalog.TryGetBuiltInTask("synthetic-regression", out var task));
        Assert.Equal(TaskKind.Regression, task);
        Assert.False(DatasetCatalog.TryGetBuiltInTask("data.csv", out _));
    }

    [Fact]
    public void MissingFashionMnistSaysHowToInstallIt()
    {
        using var empty = new TempDirectory();
        var error = Assert.Throws<DataFormatException>(() => FashionMnist.Load(empty.Path, FashionMnist.Train));
        Assert.Null(error.Line);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
        Assert.Contains(DatasetCatalog.FashionMnistDirectoryVariable, error.Message);
        Assert.Contains(Path.Combine(empty.Path, "train-images-idx3-ubyte.gz"), error.Message);
    }
}
