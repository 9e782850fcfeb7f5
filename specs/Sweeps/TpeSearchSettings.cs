// The TPE keys of a sweep spec's `search:` section, bound: how many Sobol start points, univariate or multivariate
// kernels, the constant liar, and the suggestion window that makes a sweep's suggestions the same whatever the
// cluster. A plain data carrier; tuning's TpeSearcher and the coordinator act on it.
namespace SweepCluster.Specs.Sweeps;

/// <summary>The settings of a TPE search (<c>search: { strategy: tpe, ... }</c>).</summary>
/// <param name="StartupTrials">Combinations that must have finished before TPE models the results; until then each
/// suggestion is a point of a scrambled Sobol sequence (<c>startup_trials</c>, default 10, as Optuna's).</param>
/// <param name="Multivariate">Joint kernels over the parameters that occur together (<c>multivariate</c>); default
/// false, each parameter on its own, as Optuna's default and the better of the two on the schedule benchmark (within
/// its noise: bench/README.md).</param>
/// <param name="ConstantLiar">Combinations suggested and not finished count as bad results, so that suggestions made
/// side by side differ (<c>constant_liar</c>, default true).</param>
/// <param name="Window">Combination k is suggested from the results of combinations 0..k−window and treats the
/// window−1 before it as pending, whatever the cluster's size or the order results arrive in; so at most
/// <c>window</c> combinations (times the seeds) train at once (<c>window</c>, default 4; 1: one after the other).</param>
public sealed record TpeSearchSettings(
    int StartupTrials = TpeSearchSettings.DefaultStartupTrials,
    bool Multivariate = false,
    bool ConstantLiar = true,
    int Window = TpeSearchSettings.DefaultWindow)
{
    /// <summary>Optuna's n_startup_trials.</summary>
    public const int DefaultStartupTrials = 10;

    /// <summary>Four combinations in flight: a two-silo cluster of two slots each, one seed per combination.</summary>
    public const int DefaultWindow = 4;

    /// <summary>The defaults.</summary>
    public static TpeSearchSettings Default { get; } = new();
}
