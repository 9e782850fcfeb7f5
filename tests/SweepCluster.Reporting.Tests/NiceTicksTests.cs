// The tick algorithm: 1, 2, 5 × 10^k steps that cover the data, clean values and labels.
using SweepCluster.Reporting.Svg;

namespace SweepCluster.Reporting.Tests;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0.13, 0.2)]
    [InlineData(0.2, 0.2)]
    [InlineData(0.21, 0.5)]
    [InlineData(3.0, 5.0)]
    [InlineData(7.0, 10.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(0.00042, 0.0005)]
    [InlineData(1234.0, 2000.0)]
    public void StepIsTheSmallestOneTwoOrFiveTimesAPowerOfTen(double rough, double expected) =>
        Assert.Equal(expected, NiceTicks.NiceStep(rough), 12);

    [Fact]
    public void TicksCoverTheDataWithCleanValues()
    {
        var ticks = NiceTicks.For(0.31, 0.97);

        Assert.Equal(0.2, ticks.Step, 12);
        Assert.Equal([0.2, 0.4, 0.6, 0.8, 1.0], ticks.Values);
        Assert.Equal(["0.2", "0.4", "0.6", "0.8", "1.0"], ticks.Values.Select(ticks.Label));
    }

    [Fact]
    public void ValuesOnATickDoNotAddAnotherInterval()
    {
        var ticks = NiceTicks.For(0.3, 0.9, intervals: 6);

        Assert.Equal(0.3, ticks.Min);
        Assert.Equal(0.9, ticks.Max);
        Assert.Equal([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], ticks.Values);
    }

    [Fact]
    public void EpochAxisUsesWholeNumbers()
    {
        var ticks = NiceTicks.For(1, 3, minimumStep: 1);

        Assert.Equal([1.0, 2.0, 3.0], ticks.Values);
        Assert.Equal(["1", "2", "3"], ticks.Values.Select(ticks.Label));
    }

    [Fact]
    public void FlatDataGetsARange()
    {
        var ticks = NiceTicks.For(0.5, 0.5);

        Assert.True(ticks.Min < 0.5 && ticks.Max > 0.5);
        Assert.True(NiceTicks.For(0, 0).Values.Count > 1);
    }

    [Fact]
    public void TinyAndHugeStepsUseScientificLabels()
    {
        var small = NiceTicks.For(0.0001, 0.0009);
        Assert.Equal(0.0002, small.Step, 15);
        Assert.Equal("4e-4", small.Label(0.0004));
        Assert.Equal("0", small.Label(0));
        Assert.Equal("2.5e-4", NiceTicks.Format(0.00025, 0.00005));
        Assert.Equal("3e6", NiceTicks.Format(3e6, 1e6));
    }

    [Fact]
    public void NegativeRanges()
    {
        var ticks = NiceTicks.For(-7, 12);

        Assert.Equal([-10.0, -5.0, 0.0, 5.0, 10.0, 15.0], ticks.Values);
    }
}
