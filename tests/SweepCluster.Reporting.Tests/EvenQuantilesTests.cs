// Evenly spaced quantiles: order statistics at evenly spaced ranks, the smallest and largest always among them.
namespace SweepCluster.Reporting.Tests;

public sealed class EvenQuantilesTests
{
    [Fact]
    public void PicksTheOrderStatisticsAtEvenlySpacedRanksSmallestFirst()
    {
        Assert.Equal([1.0, 3.0, 5.0], EvenQuantiles.Of([5.0, 1.0, 4.0, 2.0, 3.0], 3));
        Assert.Equal([10.0, 13.0, 17.0, 20.0], EvenQuantiles.Of(Enumerable.Range(10, 11).Select(v => (double)v).ToArray(), 4)); // ranks 0, 3.33, 6.67, 10
    }

    [Fact]
    public void AsManyAsThereAreIsEveryValueSorted() =>
        Assert.Equal([1.0, 1.0, 2.0], EvenQuantiles.Of([2.0, 1.0, 1.0], 3));

    [Fact]
    public void FewerThanTwoOrMoreThanThereAreIsAnError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EvenQuantiles.Of([1.0, 2.0], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EvenQuantiles.Of([1.0, 2.0], 3));
    }
}
