// Hyperparameter importance by fANOVA, as Optuna's FanovaImportanceEvaluator computes it, on our own random forest; the
// differences from Optuna are listed on the class. It reports main effects only (no pairwise importances), fits nothing
// outside its call and does no I/O.
namespace SweepCluster.Reporting.Analysis;

/// <summary>fANOVA importance of each searched dimension.</summary>
/// <remarks>
/// Optuna's FanovaImportanceEvaluator (its default evaluator up to v4; v5 defaults to PED-ANOVA) fits a random forest to
/// the trials, takes each tree's main-effect variance fractions, averages them over the trees and normalises them to
/// sum to 1. We do the same, with these deliberate differences:
/// <list type="bullet">
/// <item>Log dimensions are measured in log space; Optuna measures them on the linear scale (transform_log=False), which
/// gives almost all the weight to the top decade of a learning rate.</item>
/// <item>A categorical is one feature of category indices with a unit-width cell per category over [−½, categories − ½],
/// so the measure is uniform over the real categories; Optuna one-hot encodes it, which also weighs impossible "no
/// category" and "two categories" cells. The cost: a tree splits categories into ordered groups, not arbitrary subsets
/// (a deep tree still isolates each category with more splits).</item>
/// <item>Each tree sees at most <see cref="FanovaOptions.MaxRowsPerTree"/> bootstrapped rows (Optuna: all).</item>
/// <item>The default seed is 0 (Optuna: unseeded). Trees are fitted in parallel, each from its own seed, so the
/// result does not depend on scheduling.</item>
/// <item>When the fractions sum to 0 every importance is 0 (Optuna gives 1/d each, or raises when no tree varies).</item>
/// </list>
/// Reproducibility: the generator is our own (<see cref="SplitMix64"/>), rows are put in a canonical order, and every
/// sum runs in a fixed order without SIMD, so a seed gives bit-identical results run to run and whatever order the
/// trials come in. Across machines the one step that leans on the platform is <see cref="Math.Log"/> of log-scaled
/// coordinates (IEEE-754 leaves its last bit to the math library).
/// </remarks>
public static class FanovaImportance
{
    /// <summary>The fewest usable trials a forest can explain anything from.</summary>
    public const int MinTrials = 2;

    /// <summary>
    /// The importance of each of <paramref name="dimensions"/> for <paramref name="values"/>:
    /// <list type="number">
    /// <item>Trials with a non-finite value or coordinate are skipped (as Optuna skips trials without every parameter).</item>
    /// <item>Coordinates are encoded: linear as is, log as ln x, categorical as its index; the box is [Low, High],
    /// [ln Low, ln High] or [−½, categories − ½]. Single-valued dimensions are left out and get importance 0.</item>
    /// <item>Rows are put in a canonical order (lexicographic by coordinates, then value), so the order trials are
    /// given in does not change the result.</item>
    /// <item><see cref="FanovaOptions.Trees"/> CART trees are each fitted on a bootstrap sample of
    /// min(trials, <see cref="FanovaOptions.MaxRowsPerTree"/>) rows, tree t seeded from (Seed, t).</item>
    /// <item>For each tree with a non-zero variance V, each dimension's fraction V_j / V
    /// (<see cref="TreeVarianceDecomposition"/>); fractions are averaged over those trees and divided by their sum.</item>
    /// </list>
    /// With fewer than <see cref="MinTrials"/> usable trials, or when no tree varies, every importance is 0.
    /// </summary>
    /// <param name="dimensions">The search space: (dimensions); names distinct.</param>
    /// <param name="points">points: (trials, dimensions); categorical coordinates as indices 0 … categories − 1.</param>
    /// <param name="values">values: (trials); the objective of each trial.</param>
    /// <exception cref="ArgumentException">Counts disagree, a name repeats, or a finite coordinate lies outside its
    /// dimension (a categorical one not a whole index).</exception>
    public static FanovaResult Evaluate(
        IReadOnlyList<ImportanceDimension> dimensions,
        IReadOnlyList<double[]> points,
        IReadOnlyList<double> values,
        FanovaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(values);
        options ??= FanovaOptions.Default;
        if (points.Count != values.Count)
            throw new ArgumentException($"{points.Count} points but {values.Count} values", nameof(values));
        if (dimensions.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count() != dimensions.Count)
            throw new ArgumentException("dimension names must be distinct", nameof(dimensions));

        var usable = UsableTrials(dimensions, points, values);
        var active = Enumerable.Range(0, dimensions.Count).Where(d => !dimensions[d].IsSingleValued).ToArray();
        var importances = new double[dimensions.Count];
        var mainEffectShare = 0.0;
        if (usable.Length >= MinTrials && active.Length > 0)
        {
            var data = Encode(dimensions, active, points, values, usable);
            var fractions = MeanFractions(data, options);
            foreach (var fraction in fractions) mainEffectShare += fraction; // in order: bit-identical everywhere
            for (var a = 0; a < active.Length; a++)
                importances[active[a]] = mainEffectShare > 0 ? fractions[a] / mainEffectShare : 0.0;
        }

        var ranked = dimensions
            .Select((dimension, d) => new DimensionImportance(dimension.Name, importances[d]))
            .OrderByDescending(importance => importance.Importance)
            .ThenBy(importance => importance.Name, StringComparer.Ordinal)
            .ToArray();
        return new FanovaResult(ranked, usable.Length, mainEffectShare);
    }

    /// <summary>The trials with a finite value and finite coordinates; throws on a finite coordinate out of its dimension.</summary>
    private static int[] UsableTrials(
        IReadOnlyList<ImportanceDimension> dimensions, IReadOnlyList<double[]> points, IReadOnlyList<double> values)
    {
        var usable = new List<int>();
        for (var t = 0; t < points.Count; t++)
        {
            var point = points[t] ?? throw new ArgumentException($"trial {t} has no point", nameof(points));
            if (point.Length != dimensions.Count)
                throw new ArgumentException($"trial {t} has {point.Length} coordinates for {dimensions.Count} dimensions", nameof(points));
            if (!double.IsFinite(values[t]) || !point.All(double.IsFinite)) continue;
            for (var d = 0; d < dimensions.Count; d++) RequireInside(dimensions[d], point[d], t);
            usable.Add(t);
        }

        return [.. usable];
    }

    private static void RequireInside(ImportanceDimension dimension, double x, int trial)
    {
        var inside = x >= dimension.Low && x <= dimension.High
            && (dimension.Scale != DimensionScale.Categorical || x == Math.Floor(x));
        if (!inside)
        {
            throw new ArgumentException(
                $"trial {trial}: {dimension.Name} = {x} lies outside the dimension " +
                (dimension.Scale == DimensionScale.Categorical
                    ? $"(a category index 0 … {dimension.Categories - 1})"
                    : $"[{dimension.Low}, {dimension.High}]"),
                "points");
        }
    }

    /// <summary>The usable trials' active coordinates, encoded, in canonical row order, with each feature's box.</summary>
    private static ForestData Encode(
        IReadOnlyList<ImportanceDimension> dimensions, int[] active, IReadOnlyList<double[]> points,
        IReadOnlyList<double> values, int[] usable)
    {
        var features = active.Length;
        var rows = usable.Length;

        // encoded: (rows, features), then y: (rows); in the order given, before canonical ordering.
        var encoded = new double[rows][];
        for (var r = 0; r < rows; r++)
        {
            encoded[r] = new double[features + 1];
            for (var a = 0; a < features; a++)
                encoded[r][a] = EncodeCoordinate(dimensions[active[a]], points[usable[r]][active[a]]);
            encoded[r][features] = values[usable[r]] + 0.0; // + 0.0 turns −0 into +0: equal rows compare equal
        }

        Array.Sort(encoded, CompareRows);

        var x = new double[features * rows];
        var y = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var a = 0; a < features; a++) x[a * rows + r] = encoded[r][a];
            y[r] = encoded[r][features];
        }

        var low = new double[features];
        var high = new double[features];
        var categorical = new bool[features];
        for (var a = 0; a < features; a++)
        {
            var dimension = dimensions[active[a]];
            (low[a], high[a]) = dimension.Scale switch
            {
                DimensionScale.Linear => (dimension.Low, dimension.High),
                DimensionScale.Log => (Math.Log(dimension.Low), Math.Log(dimension.High)),
                DimensionScale.Categorical => (-RegressionTree.CategoricalHalfWidth,
                    dimension.Categories - RegressionTree.CategoricalHalfWidth),
                _ => throw new ArgumentOutOfRangeException(nameof(dimensions), dimension.Scale, null),
            };
            categorical[a] = dimension.Scale == DimensionScale.Categorical;
        }

        return new ForestData(x, y, low, high, categorical);
    }

    private static double EncodeCoordinate(ImportanceDimension dimension, double x) =>
        (dimension.Scale == DimensionScale.Log ? Math.Log(x) : x) + 0.0;

    /// <summary>Lexicographic order of encoded rows (coordinates, then value): equal rows are interchangeable.</summary>
    private static int CompareRows(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var order = a[i].CompareTo(b[i]);
            if (order != 0) return order;
        }

        return 0;
    }

    /// <summary>fractions: (features); the mean of V_j / V over the trees with V &gt; 0 (0 when there is none).</summary>
    private static double[] MeanFractions(ForestData data, FanovaOptions options)
    {
        // perTree: (trees, features); NaN marks a tree whose prediction is constant over the box.
        var perTree = new double[options.Trees * data.Features];
        Parallel.For(0, options.Trees, tree =>
        {
            var fitted = RegressionTree.Fit(
                data, options.MaxRowsPerTree, options.MaxDepth, SplitMix64.Derive((ulong)options.Seed, tree));
            var variances = TreeVarianceDecomposition.Decompose(fitted, data.Low, data.High);
            for (var f = 0; f < data.Features; f++)
            {
                perTree[tree * data.Features + f] = variances.Total > 0
                    ? Math.Max(variances.MainEffects[f], 0.0) / variances.Total
                    : double.NaN;
            }
        });

        var fractions = new double[data.Features];
        var varyingTrees = 0;
        for (var tree = 0; tree < options.Trees; tree++)
        {
            if (double.IsNaN(perTree[tree * data.Features])) continue;
            varyingTrees++;
            for (var f = 0; f < data.Features; f++) fractions[f] += perTree[tree * data.Features + f];
        }

        for (var f = 0; f < data.Features; f++) fractions[f] = varyingTrees > 0 ? fractions[f] / varyingTrees : 0.0;
        return fractions;
    }
}
