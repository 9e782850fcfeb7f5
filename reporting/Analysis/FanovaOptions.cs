// The settings of the fANOVA importance analysis: the random forest's size and depth, its seed, and the most rows one
// tree is fitted on. Defaults are Optuna's FanovaImportanceEvaluator's (except its unseeded default). It does no fitting.
namespace SweepCluster.Reporting.Analysis;

/// <summary>Settings of <see cref="FanovaImportance.Evaluate"/>.</summary>
/// <param name="Trees">Trees in the random forest (Optuna: 64).</param>
/// <param name="MaxDepth">The deepest a tree grows (Optuna: 64).</param>
/// <param name="Seed">Seeds the bootstrap samples and the order features are tried in; the same seed gives bit-identical results.</param>
/// <param name="MaxRowsPerTree">The size of each tree's bootstrap sample is the number of usable trials, capped at this
/// (scikit-learn's <c>max_samples</c>): it bounds the time on a 100,000-trial sweep.</param>
public sealed record FanovaOptions(
    int Trees = FanovaOptions.DefaultTrees,
    int MaxDepth = FanovaOptions.DefaultMaxDepth,
    int Seed = FanovaOptions.DefaultSeed,
    int MaxRowsPerTree = FanovaOptions.DefaultMaxRowsPerTree)
{
    /// <summary>Optuna's <c>n_trees</c> default.</summary>
    public const int DefaultTrees = 64;

    /// <summary>Optuna's <c>max_depth</c> default.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Optuna's default is unseeded (a different forest every call); ours is seed 0, so reports are reproducible.</summary>
    public const int DefaultSeed = 0;

    /// <summary>
    /// Each tree sees at most 10,000 bootstrapped trials: on 100,000 trials × 10 dimensions the whole analysis takes
    /// about 3.5 s of CPU (under 2 s on two idle cores); below 10,000 trials every tree sees as many as there are.
    /// </summary>
    public const int DefaultMaxRowsPerTree = 10_000;

    /// <summary>The options every analysis uses unless told otherwise.</summary>
    public static FanovaOptions Default { get; } = new();

    /// <inheritdoc cref="FanovaOptions" path="/param[@name='Trees']"/>
    public int Trees { get; } = Trees >= 1 ? Trees : throw new ArgumentOutOfRangeException(nameof(Trees), Trees, "at least one tree");

    /// <inheritdoc cref="FanovaOptions" path="/param[@name='MaxDepth']"/>
    public int MaxDepth { get; } = MaxDepth >= 1 ? MaxDepth : throw new ArgumentOutOfRangeException(nameof(MaxDepth), MaxDepth, "at least 1");

    /// <inheritdoc cref="FanovaOptions" path="/param[@name='MaxRowsPerTree']"/>
    public int MaxRowsPerTree { get; } = MaxRowsPerTree >= 2
        ? MaxRowsPerTree
        : throw new ArgumentOutOfRangeException(nameof(MaxRowsPerTree), MaxRowsPerTree, "at least 2");
}
