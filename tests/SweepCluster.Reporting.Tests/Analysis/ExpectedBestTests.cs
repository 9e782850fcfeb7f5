// The expected best metric of n trials against exact enumeration of every draw, and its edge cases: ties, one value, a
// constant list, non-finite values, minimise against maximise, and the thinning of long curves.
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;

namespace SweepCluster.Reporting.Tests.Analysis;

public sealed class ExpectedBestTests
{
    /// <summary>The closed form and the enumeration sum at most 64 terms of numbers near 1: they agree to rounding.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>Mean and population standard deviation of the best of every one of the Nⁿ ordered draws.</summary>
    private static (double Mean, double StdDev) Enumerate(double[] values, int n, MetricGoal goal)
    {
        var bests = new List<double>();
        var draw = new int[n];
        while (true)
        {
            var picked = draw.Select(i => values[i]);
            bests.Add(goal == MetricGoal.Maximize ? picked.Max() : picked.Min());
            var position = 0;
            while (position < n && ++draw[position] == values.Length) draw[position++] = 0;
            if (position == n) break;
        }

        var mean = bests.Average();
        return (mean, Math.Sqrt(bests.Average(b => (b - mean) * (b - mean))));
    }

    [Theory]
    [InlineData(MetricGoal.Maximize)]
    [InlineData(MetricGoal.Minimize)]
    public void MatchesExactEnumerationOfEveryDraw(MetricGoal goal)
    {
        double[] values = [0.3, 0.1, 0.3, 0.7]; // a tie among the four

        var curve = ExpectedBest.Curve(values, goal);

        Assert.Equal([1, 2, 3, 4], curve.Points.Select(point => point.Trials));
        foreach (var point in curve.Points.Take(3))
        {
            var (mean, stdDev) = Enumerate(values, point.Trials, goal);
            Assert.Equal(mean, point.Expected, Tolerance);
            Assert.Equal(stdDev, point.StdDev, Tolerance);
        }
    }

    [Fact]
    public void OneTrialIsTheMeanAndThePopulationStandardDeviation()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, population deviation 2

        var first = ExpectedBest.Curve(values, MetricGoal.Maximize).Points[0];

        Assert.Equal(new ExpectedBestPoint(1, 5.0, 2.0), first with { Expected = Math.Round(first.Expected, 12), StdDev = Math.Round(first.StdDev, 12) });
    }

    [Fact]
    public void MinimisingIsMaximisingTheNegatedValues()
    {
        double[] values = [0.52, 0.31, 0.9, 0.31, 0.77, 0.05];

        var minimised = ExpectedBest.Curve(values, MetricGoal.Minimize).Points;
        var maximised = ExpectedBest.Curve(values.Select(v => -v).ToArray(), MetricGoal.Maximize).Points;

        Assert.Equal(maximised.Select(p => -p.Expected), minimised.Select(p => p.Expected), new ToleranceComparer());
        Assert.Equal(maximised.Select(p => p.StdDev), minimised.Select(p => p.StdDev), new ToleranceComparer());
    }

    [Fact]
    public void TheExpectedBestImprovesWithMoreTrialsTowardsTheBestValue()
    {
        var values = Enumerable.Range(0, 50).Select(i => Math.Sin(i)).ToArray();

        var maximised = ExpectedBest.Curve(values, MetricGoal.Maximize, maxTrials: 2000).Points;
        var minimised = ExpectedBest.Curve(values, MetricGoal.Minimize).Points;

        Assert.All(maximised.Zip(maximised.Skip(1)), pair => Assert.True(pair.Second.Expected >= pair.First.Expected));
        Assert.All(minimised.Zip(minimised.Skip(1)), pair => Assert.True(pair.Second.Expected <= pair.First.Expected));
        Assert.Equal(values.Max(), maximised[^1].Expected, 1e-9); // 2000 draws from 50: the best is almost surely drawn
    }

    [Fact]
    public void AConstantListIsThatValueWithNoSpread()
    {
        var curve = ExpectedBest.Curve([0.25, 0.25, 0.25], MetricGoal.Maximize);

        Assert.All(curve.Points, point => Assert.Equal((0.25, 0.0), (point.Expected, point.StdDev)));
    }

    [Fact]
    public void OneValueAndNonFiniteValues()
    {
        var curve = ExpectedBest.Curve([double.NaN, 0.8, double.NegativeInfinity], MetricGoal.Minimize);

        Assert.Equal(new ExpectedBestCurve([new ExpectedBestPoint(1, 0.8, 0.0)], 1), curve, new CurveComparer());
        Assert.Equal(new ExpectedBestCurve([], 0), ExpectedBest.Curve([double.NaN], MetricGoal.Maximize), new CurveComparer());
        Assert.Throws<ArgumentOutOfRangeException>(() => ExpectedBest.Curve([1.0], MetricGoal.Maximize, maxTrials: 0));
    }

    [Fact]
    public void ALongCurveIsThinnedToLogSpacedTrialCounts()
    {
        var values = Enumerable.Range(0, 100_000).Select(i => (i * 7919 % 100_003) / 100_003.0).ToArray();

        var curve = ExpectedBest.Curve(values, MetricGoal.Maximize);
        var counts = curve.Points.Select(point => point.Trials).ToArray();

        Assert.InRange(counts.Length, 2, ExpectedBest.MaxPoints);
        Assert.Equal(1, counts[0]);
        Assert.Equal(values.Length, counts[^1]);
        Assert.Equal(counts.Order().Distinct(), counts);
        Assert.Equal(Enumerable.Range(1, ExpectedBest.MaxPoints), ExpectedBest.TrialCounts(ExpectedBest.MaxPoints));
        Assert.Equal(values.Average(), curve.Points[0].Expected, 1e-12);
    }

    private sealed class ToleranceComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= Tolerance;

        public int GetHashCode(double obj) => 0;
    }

    private sealed class CurveComparer : IEqualityComparer<ExpectedBestCurve>
    {
        public bool Equals(ExpectedBestCurve? x, ExpectedBestCurve? y) =>
            x is not null && y is not null && x.TrialsUsed == y.TrialsUsed && x.Points.SequenceEqual(y.Points);

        public int GetHashCode(ExpectedBestCurve obj) => obj.TrialsUsed;
    }
}
