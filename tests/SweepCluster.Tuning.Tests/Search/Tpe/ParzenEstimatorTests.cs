// The Parzen estimator on hand-worked cases, checked against values computed independently (mpmath): observations
// 1, 4, 7 on [0, 10] with the prior at 5 give bandwidths 3, 3, 2 (neighbour gaps, outermost ones taking their inner
// gap, magic clip at 10/5 = 2) and 10 for the prior, weights 1/4 each; the same on the integers 0..10 gives 3, 3, 2.2
// (clip at 11/5) and 11; a categorical with observations 0, 0, 2 of 3. Plus Optuna's default gamma and weights.
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Tests.Search.Tpe;

public sealed class ParzenEstimatorTests
{
    private static readonly SpaceDimension Real = new("x", "x", SpaceDimensionKind.Float, 0, 0, 10, false);
    private static readonly SpaceDimension Integer = new("n", "n", SpaceDimensionKind.Integer, 0, 0, 10, false);
    private static readonly SpaceDimension Category = SpaceDimension.Categorical("c", "c", 3);

    private static ParzenEstimator Univariate(SpaceDimension dimension, params double[] observed) =>
        new([dimension], observed.Select(x => new[] { x }).ToArray(), multivariate: false, TpeDefaults.PriorWeight);

    [Fact]
    public void BandwidthsFollowTheNeighbourRuleAndTheMagicClip()
    {
        Assert.Equal([3.0, 3.0, 2.0], ParzenBandwidth.Of([1.0, 4.0, 7.0], 0, 10, 0, multivariate: false, groupSize: 1, priorKernels: 1));
        Assert.Equal([3.0, 3.0, 2.2], ParzenBandwidth.Of([1.0, 4.0, 7.0], 0, 10, 1, multivariate: false, groupSize: 1, priorKernels: 1), Tolerance(1e-12));
        // Multivariate: 0.2 · n^(−1/(2+4)) · 10 for each; with 3 observations that is below the clip (10/5 = 2).
        var twenty = Enumerable.Range(0, 20).Select(i => i * 0.5).ToArray();
        Assert.All(ParzenBandwidth.Of(twenty, 0, 10, 0, multivariate: true, groupSize: 2, priorKernels: 1),
            sigma => Assert.Equal(2.0 * Math.Pow(20, -1.0 / 6), sigma, 12));
        Assert.Equal([2.0, 2.0, 2.0], ParzenBandwidth.Of([1.0, 4.0, 7.0], 0, 10, 0, multivariate: true, groupSize: 2, priorKernels: 1), Tolerance(1e-12));
    }

    [Theory]
    [InlineData(0.5, -2.354767295391181)]
    [InlineData(2.0, -2.232369858271803)]
    [InlineData(5.0, -2.156921439321748)]
    [InlineData(9.5, -2.883245201266916)]
    public void ContinuousDensityMatchesTheHandWorkedMixture(double x, double expected) =>
        Assert.Equal(expected, Univariate(Real, 1, 4, 7).LogDensity([[x]])[0], 12);

    [Theory]
    [InlineData(0, -2.5014948340470632)]
    [InlineData(3, -2.2517107414608814)]
    [InlineData(6, -2.2291737091105349)]
    [InlineData(10, -3.0798705328599239)]
    public void IntegerProbabilitiesMatchTheHandWorkedMixture(double x, double expected) =>
        Assert.Equal(expected, Univariate(Integer, 1, 4, 7).LogDensity([[x]])[0], 12);

    [Theory]
    [InlineData(0, -0.74193734472937737)]
    [InlineData(1, -1.6582280766035324)]
    [InlineData(2, -1.0986122886681097)]
    public void CategoricalProbabilitiesMatchTheHandWorkedMixture(int alternative, double expected) =>
        Assert.Equal(expected, Univariate(Category, 0, 0, 2).LogDensity([[alternative]])[0], 12);

    [Fact]
    public void SamplesFollowTheMixture()
    {
        var samples = Univariate(Real, 1, 4, 7).Sample(new DeterministicRandom(3), 40_000).Select(p => p[0]).ToArray();
        Assert.All(samples, x => Assert.InRange(x, 0, 10));
        Assert.Equal(4.718730814111892, samples.Average(), 1); // the mixture's mean (±0.05)
        Assert.InRange(samples.Count(x => x < 3) / (double)samples.Length, 0.308 - 0.01, 0.308 + 0.01); // P(x < 3) = 0.30801
        var integers = Univariate(Integer, 1, 4, 7).Sample(new DeterministicRandom(3), 2_000).Select(p => p[0]).ToArray();
        Assert.All(integers, n => Assert.Equal(Math.Round(n), n));
        Assert.InRange(integers.Count(n => n == 3) / (double)integers.Length, Math.Exp(-2.2517107414608814) - 0.03, Math.Exp(-2.2517107414608814) + 0.03);
    }

    [Fact]
    public void DensityIntegratesToOne()
    {
        var estimator = Univariate(Real, 1, 4, 7);
        const int Cells = 20_000;
        var points = Enumerable.Range(0, Cells).Select(i => new[] { (i + 0.5) * 10.0 / Cells }).ToArray();
        Assert.Equal(1.0, estimator.LogDensity(points).Sum(Math.Exp) * 10.0 / Cells, 6);
    }

    [Fact]
    public void GammaAndWeightsAreOptunasDefaults()
    {
        Assert.Equal([0, 1, 1, 2, 10, 25, 25], new[] { 0, 1, 10, 11, 100, 250, 1000 }.Select(TpeDefaults.GoodCount));
        Assert.Equal(Enumerable.Repeat(1.0, 24), TpeDefaults.Weights(24));
        var weights = TpeDefaults.Weights(30); // linspace(1/30, 1, 5) then 25 ones
        Assert.Equal([1.0 / 30, 1.0 / 30 + 0.25 * 29 / 30, 1.0 / 30 + 0.5 * 29 / 30, 1.0 / 30 + 0.75 * 29 / 30, 1.0], weights.Take(5), Tolerance(1e-12));
        Assert.Equal(Enumerable.Repeat(1.0, 25), weights.Skip(5));
    }

    private static IEqualityComparer<double> Tolerance(double tolerance) =>
        EqualityComparer<double>.Create((a, b) => Math.Abs(a - b) <= tolerance, _ => 0);
}
