// The functional ANOVA of single regression trees: the fast difference-array decomposition against the naive cell-by-cell
// reference, against a step function worked out by hand, and the bounds every decomposition obeys.
using SweepCluster.Reporting.Analysis;

namespace SweepCluster.Reporting.Tests.Analysis;

public sealed class TreeVarianceDecompositionTests
{
    /// <summary>The fast and the naive sums add the same terms in different orders: they agree to rounding.</summary>
    private const double RelativeTolerance = 1e-9;

    private static ForestData Data(SyntheticTrials trials, double[] low, double[] high, bool[] categorical)
    {
        var rows = trials.Values.Count;
        var features = low.Length;
        var x = new double[features * rows];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++) x[f * rows + r] = trials.Points[r][f];
        }

        return new ForestData(x, [.. trials.Values], low, high, categorical);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TheFastDecompositionMatchesTheNaiveReference(int seed)
    {
        var trials = SyntheticTrials.Draw(400, 3, seed,
            (random, j) => j == 2 ? random.Next(4) : random.NextDouble(),
            x => Math.Sin(5 * x[0]) * x[1] + x[2] * x[0]);
        var data = Data(trials, [0, 0, -0.5], [1, 1, 3.5], [false, false, true]);
        var tree = RegressionTree.Fit(data, sampleSize: 400, maxDepth: 64, seed: (ulong)seed);

        var fast = TreeVarianceDecomposition.Decompose(tree, data.Low, data.High);
        var naive = TreeVarianceDecomposition.DecomposeNaive(tree, data.Low, data.High);

        Assert.Equal(naive.Total, fast.Total, naive.Total * RelativeTolerance);
        for (var f = 0; f < 3; f++) Assert.Equal(naive.MainEffects[f], fast.MainEffects[f], naive.Total * RelativeTolerance);
    }

    [Fact]
    public void MainEffectsAreNonNegativeAndSumToAtMostTheTotal()
    {
        var trials = SyntheticTrials.Uniform(500, 4, seed: 4, x => x[0] * x[1] + x[2] * x[3] + x[0]);
        var data = Data(trials, [0, 0, 0, 0], [1, 1, 1, 1], [false, false, false, false]);
        var tree = RegressionTree.Fit(data, sampleSize: 500, maxDepth: 64, seed: 4);

        var variances = TreeVarianceDecomposition.Decompose(tree, data.Low, data.High);

        Assert.All(variances.MainEffects, v => Assert.True(v >= -variances.Total * RelativeTolerance));
        Assert.True(variances.MainEffects.Sum() <= variances.Total * (1 + RelativeTolerance));
    }

    /// <summary>
    /// f = 1 when x1 &gt; 0.3, else 0, sampled on x1 ∈ {0.1, 0.2, 0.4, 0.6} × x2 ∈ {0.25, 0.75}: one split at
    /// x1 = 0.3 (halfway between 0.2 and 0.4) and nothing else to split on. Over the box [0,1]² the prediction is 1 on
    /// 70 % of it: V = 0.7·0.3 = 0.21, all of it x1's main effect.
    /// </summary>
    [Fact]
    public void AStepFunctionDecomposesAsWorkedOutByHand()
    {
        double[] x1 = [0.1, 0.2, 0.4, 0.6];
        double[] x2 = [0.25, 0.75];
        // Each of the 8 points 20 times, so the bootstrap sample (160 draws with replacement) holds every point.
        var points = x1.SelectMany(a => x2.Select(b => new[] { a, b })).SelectMany(p => Enumerable.Repeat(p, 20)).ToList();
        var trials = new SyntheticTrials(points, points.Select(p => p[0] > 0.3 ? 1.0 : 0.0).ToList());
        var data = Data(trials, [0, 0], [1, 1], [false, false]);
        var tree = RegressionTree.Fit(data, points.Count, maxDepth: 64, seed: 0);

        var variances = TreeVarianceDecomposition.Decompose(tree, data.Low, data.High);

        Assert.Equal(2, tree.LeafCount);
        Assert.Equal(0.3, tree.Threshold[0], 1e-15);
        Assert.Equal(0.21, variances.Total, 1e-12);
        Assert.Equal(0.21, variances.MainEffects[0], 1e-12);
        Assert.Equal(0.0, variances.MainEffects[1], 1e-12);
    }

    /// <summary>Categories split between indices: each category keeps a cell of width 1 over [−½, categories − ½].</summary>
    [Fact]
    public void ACategoricalSplitFallsBetweenCategories()
    {
        var points = Enumerable.Range(0, 40).Select(i => new double[] { i % 4 == 3 ? 3 : i % 2 }).ToList(); // 0, 1, 3
        var trials = new SyntheticTrials(points, points.Select(p => p[0] == 3 ? 1.0 : 0.0).ToList());
        var data = Data(trials, [-0.5], [3.5], [true]);
        var tree = RegressionTree.Fit(data, 40, 64, seed: 0);

        Assert.Equal(1.5, tree.Threshold[0]); // just above category 1; the unseen category 2 goes right with 3
        Assert.All(trials.Points, (p, i) => Assert.Equal(trials.Values[i], tree.Predict(p)));
    }
}
