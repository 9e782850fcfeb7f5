// Train/validation split: sizes, determinism in the data seed, disjointness and coverage of all rows.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class DataSplitTests
{
    /// <summary>Row i has the single feature value i, so split rows can be traced back.</summary>
    private static Dataset Numbered(int rows) =>
        new("numbered", TaskKind.Classification, [.. Enumerable.Range(0, rows).Select(i => (float)i)], 1,
            [.. Enumerable.Range(0, rows).Select(i => i % 3)], null, 3);

    [Fact]
    public void SplitIsDeterministicDisjointAndCoversEveryRow()
    {
        var data = Numbered(100);
        var (train, validation) = DataSplit.Split(data, 0.2, dataSeed: 9);
        Assert.NotNull(validation);
        Assert.Equal((80, 20), (train.Rows, validation.Rows));
        Assert.Empty(train.Inputs.Intersect(validation.Inputs));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), train.Inputs.Concat(validation.Inputs).Order());
        Assert.All(Enumerable.Range(0, train.Rows), i => Assert.Equal((int)train.Inputs[i] % 3, train.Labels![i]));

        var (again, againValidation) = DataSplit.Split(data, 0.2, dataSeed: 9);
        Assert.Equal(train.Inputs, again.Inputs);
        Assert.Equal(validation.Inputs, againValidation!.Inputs);
        Assert.NotEqual(validation.Inputs, DataSplit.Split(data, 0.2, dataSeed: 10).Validation!.Inputs);
        Assert.NotEqual(Enumerable.Range(0, 80).Select(i => (float)i), train.Inputs); // rows are permuted
    }

    [Fact]
    public void SplitCopiesRegressionTargetsWithTheirRows()
    {
        var data = new Dataset("r", TaskKind.Regression, [0, 1, 2, 3], 1, null, [0, 10, 20, 30, 40, 50, 60, 70], 2);
        var (train, validation) = DataSplit.Split(data, 0.5, dataSeed: 1);
        foreach (var part in new[] { train, validation! })
        {
            for (var row = 0; row < part.Rows; row++)
            {
                var original = (int)part.Inputs[row];
                Assert.Equal([original * 20f, original * 20f + 10f], part.Targets!.AsSpan(row * 2, 2).ToArray());
            }
        }
    }

    [Theory]
    [InlineData(100, 0.0, 0)]
    [InlineData(100, 0.25, 25)]
    [InlineData(10, 0.25, 3)]   // 2.5 rounds away from zero
    [InlineData(10, 0.01, 1)]   // at least one validation row
    [InlineData(2, 0.99, 1)]    // at least one training row
    [InlineData(1, 0.5, 0)]     // a single row cannot be split
    public void ValidationRowCountRoundsAndClamps(int rows, double fraction, int expected) =>
        Assert.Equal(expected, DataSplit.ValidationRowCount(rows, fraction));

    [Fact]
    public void FractionZeroReturnsTheSameDatasetAndBadFractionsThrow()
    {
        var data = Numbered(10);
        var (train, validation) = DataSplit.Split(data, 0, 1);
        Assert.Same(data, train);
        Assert.Null(validation);
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Split(data, 1.0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Split(data, -0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DataSplit.Split(data, double.NaN, 1));
    }
}
