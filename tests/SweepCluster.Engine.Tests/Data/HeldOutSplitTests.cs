// The held-out test split: its size, determinism in the data seed, disjointness from the rest, and the validation
// share of what is left.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Tests.Data;

public sealed class HeldOutSplitTests
{
    /// <summary>Row i has the single feature value i, so carved rows can be traced back.</summary>
    private static Dataset Numbered(int rows) =>
        new("numbered", TaskKind.Classification, [.. Enumerable.Range(0, rows).Select(i => (float)i)], 1,
            [.. Enumerable.Range(0, rows).Select(i => i % 3)], null, 3);

    [Fact]
    public void CarveIsDeterministicDisjointAndCoversEveryRow()
    {
        var data = Numbered(100);
        var (rest, test) = HeldOutSplit.Carve(data, 0.1, dataSeed: 9);
        Assert.NotNull(test);
        Assert.Equal((90, 10), (rest.Rows, test.Rows));
        Assert.Empty(rest.Inputs.Intersect(test.Inputs));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (float)i), rest.Inputs.Concat(test.Inputs).Order());
        Assert.All(Enumerable.Range(0, test.Rows), i => Assert.Equal((int)test.Inputs[i] % 3, test.Labels![i]));

        Assert.Equal(test.Inputs, HeldOutSplit.Carve(data, 0.1, dataSeed: 9).Test!.Inputs);
        Assert.NotEqual(test.Inputs, HeldOutSplit.Carve(data, 0.1, dataSeed: 10).Test!.Inputs);
        Assert.NotEqual(DataSplit.Split(data, 0.1, dataSeed: 9).Validation!.Inputs.Order(), test.Inputs.Order()); // its own stream
    }

    [Fact]
    public void ZeroFractionHoldsNothingOut()
    {
        var data = Numbered(10);
        var (rest, test) = HeldOutSplit.Carve(data, 0, dataSeed: 1);
        Assert.Same(data, rest);
        Assert.Null(test);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void FractionOutsideItsRangeThrows(double fraction) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HeldOutSplit.Carve(Numbered(10), fraction, dataSeed: 1));

    [Theory]
    [InlineData(0.2, 0.0, 0.2)]
    [InlineData(0.2, 0.2, 0.25)]
    [InlineData(0.0, 0.5, 0.0)]
    public void ValidationKeepsItsShareOfTheWhole(double validation, double test, double shareOfRest) =>
        Assert.Equal(shareOfRest, HeldOutSplit.ValidationShareOfRest(validation, test), 12);

    [Fact]
    public void FractionsThatLeaveNoTrainingRowsThrow() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HeldOutSplit.ValidationShareOfRest(0.5, 0.5));
}
