// The functional ANOVA of one regression tree (Hutter, Hoos & Leyton-Brown, ICML 2014): the variance of the tree's
// prediction over the uniform measure on the search box, and each feature's main-effect (first-order marginal) variance.
// It does not compute interaction terms (pairs and above); importance as Optuna reports it uses main effects only.
namespace SweepCluster.Reporting.Analysis;

/// <summary>A tree's total variance and main-effect variances: V and V_j = Var_{x_j}( E[f | x_j] ) under the uniform box measure.</summary>
/// <param name="Total">V: the variance of the prediction over the box.</param>
/// <param name="MainEffects">V_j: (features); each feature's marginal variance, 0 ≤ V_j ≤ V up to rounding.</param>
internal sealed record TreeVariances(double Total, double[] MainEffects);

/// <summary>
/// The tree is a piecewise-constant function: leaf l has value v_l on its box, which takes the fraction
/// p_l = ∏_g q_{l,g} of the search box, q_{l,g} being its width on feature g over the box's width. The mean is
/// μ = Σ_l p_l v_l and V = Σ_l p_l (v_l − μ)². With x_j fixed at m, the leaves whose box contains m partition the rest
/// of the box, so the marginal is a_j(m) = Σ_{l ∋ m} v_l ∏_{g≠j} q_{l,g}: constant on each cell between consecutive
/// split thresholds on feature j, and V_j = Σ_cells w_c (a_j(c) − μ)² with w_c the cell's width fraction.
/// </summary>
internal static class TreeVarianceDecomposition
{
    /// <summary>
    /// V and every V_j of <paramref name="tree"/> over the box [<paramref name="low"/>, <paramref name="high"/>]:
    /// (features) each. Each leaf adds its term to the cells it spans through a difference array (O(leaves · features)
    /// after sorting the thresholds); <see cref="DecomposeNaive"/> sums the same terms cell by cell.
    /// </summary>
    public static TreeVariances Decompose(RegressionTree tree, double[] low, double[] high)
    {
        var features = tree.Features;
        var leaves = tree.LeafCount;
        var fractions = WidthFractions(tree, low, high); // (leaves, features)

        // others: (leaves, features); ∏_{g≠j} q_{l,g} from a prefix and a suffix product, so no division by a zero width.
        var others = new double[leaves * features];
        var share = new double[leaves]; // p_l
        for (var l = 0; l < leaves; l++)
        {
            var row = fractions.AsSpan(l * features, features);
            var product = 1.0;
            for (var g = 0; g < features; g++)
            {
                others[l * features + g] = product;
                product *= row[g];
            }

            share[l] = product;
            product = 1.0;
            for (var g = features - 1; g >= 0; g--)
            {
                others[l * features + g] *= product;
                product *= row[g];
            }
        }

        var (mean, total) = WeightedMeanAndVariance(share, tree.LeafValue);
        var mainEffects = new double[features];
        for (var j = 0; j < features; j++)
        {
            var bounds = CellBounds(tree, j, low[j], high[j]);
            var cells = bounds.Length - 1;
            var difference = new double[cells + 1];
            for (var l = 0; l < leaves; l++)
            {
                var term = others[l * features + j] * (tree.LeafValue[l] - mean);
                difference[Array.BinarySearch(bounds, tree.LeafLow[l * features + j])] += term;
                difference[Array.BinarySearch(bounds, tree.LeafHigh[l * features + j])] -= term;
            }

            var marginal = new double[cells]; // a_j(c) − μ
            var running = 0.0;
            for (var c = 0; c < cells; c++)
            {
                running += difference[c];
                marginal[c] = running;
            }

            mainEffects[j] = WeightedMeanAndVariance(CellWeights(bounds, low[j], high[j]), marginal).Variance;
        }

        return new TreeVariances(total, mainEffects);
    }

    /// <summary>
    /// The reference for <see cref="Decompose"/>, otherwise identical: a_j at each cell's midpoint summed over every leaf
    /// whose box contains it, O(cells · leaves · features) per feature. For tests.
    /// </summary>
    public static TreeVariances DecomposeNaive(RegressionTree tree, double[] low, double[] high)
    {
        var features = tree.Features;
        var leaves = tree.LeafCount;
        var fractions = WidthFractions(tree, low, high);
        var share = new double[leaves];
        for (var l = 0; l < leaves; l++)
        {
            share[l] = 1.0;
            for (var g = 0; g < features; g++) share[l] *= fractions[l * features + g];
        }

        var (_, total) = WeightedMeanAndVariance(share, tree.LeafValue);
        var mainEffects = new double[features];
        for (var j = 0; j < features; j++)
        {
            var bounds = CellBounds(tree, j, low[j], high[j]);
            var marginal = new double[bounds.Length - 1];
            for (var c = 0; c < marginal.Length; c++)
            {
                var midpoint = (bounds[c] + bounds[c + 1]) / 2;
                for (var l = 0; l < leaves; l++)
                {
                    if (midpoint < tree.LeafLow[l * features + j] || midpoint > tree.LeafHigh[l * features + j]) continue;
                    var others = 1.0;
                    for (var g = 0; g < features; g++)
                    {
                        if (g != j) others *= fractions[l * features + g];
                    }

                    marginal[c] += others * tree.LeafValue[l];
                }
            }

            mainEffects[j] = WeightedMeanAndVariance(CellWeights(bounds, low[j], high[j]), marginal).Variance;
        }

        return new TreeVariances(total, mainEffects);
    }

    /// <summary>fractions: (leaves, features); q_{l,g}, each leaf's width on each feature over the box's width.</summary>
    private static double[] WidthFractions(RegressionTree tree, double[] low, double[] high)
    {
        var features = tree.Features;
        var fractions = new double[tree.LeafCount * features];
        for (var i = 0; i < fractions.Length; i++)
        {
            var g = i % features;
            fractions[i] = (tree.LeafHigh[i] - tree.LeafLow[i]) / (high[g] - low[g]);
        }

        return fractions;
    }

    /// <summary>bounds: (cells + 1); the box's ends on feature j and every threshold the tree splits j at, ascending, distinct.</summary>
    private static double[] CellBounds(RegressionTree tree, int j, double low, double high)
    {
        var bounds = new List<double> { low, high };
        for (var node = 0; node < tree.SplitFeature.Length; node++)
        {
            if (tree.SplitFeature[node] == j) bounds.Add(tree.Threshold[node]);
        }

        bounds.Sort();
        var distinct = new List<double>(bounds.Count);
        foreach (var bound in bounds)
        {
            if (distinct.Count == 0 || bound != distinct[^1]) distinct.Add(bound);
        }

        return [.. distinct];
    }

    /// <summary>weights: (cells); each cell's width over the box's width.</summary>
    private static double[] CellWeights(double[] bounds, double low, double high)
    {
        var weights = new double[bounds.Length - 1];
        for (var c = 0; c < weights.Length; c++) weights[c] = (bounds[c + 1] - bounds[c]) / (high - low);
        return weights;
    }

    /// <summary>Σ w x / Σ w and Σ w (x − mean)² / Σ w (two passes, so a large common offset does not cancel digits).</summary>
    private static (double Mean, double Variance) WeightedMeanAndVariance(double[] weights, double[] values)
    {
        double weightSum = 0, weightedSum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            weightSum += weights[i];
            weightedSum += weights[i] * values[i];
        }

        var mean = weightedSum / weightSum;
        var squares = 0.0;
        for (var i = 0; i < values.Length; i++) squares += weights[i] * (values[i] - mean) * (values[i] - mean);
        return (mean, squares / weightSum);
    }
}
