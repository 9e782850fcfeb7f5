// The options of the TPE sampler, defaulting to Optuna's TPESampler defaults (TpeDefaults) except where noted. An
// options record so the sampler has no loose arguments. It does not validate a sweep.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>How TPE models the space.</summary>
public enum TpeMode
{
    /// <summary>Each dimension on its own (Optuna's default, multivariate=False).</summary>
    Univariate,

    /// <summary>Joint kernels over the dimensions that occur together, grouped by the conditional structure
    /// (Optuna's multivariate=True, group=True); dimensions outside every group fall back to univariate.</summary>
    Multivariate,
}

/// <summary>Options of <see cref="TpeSampler"/>.</summary>
/// <param name="StartupTrials">Until this many trials are finished (completed or pruned), suggestions are points of the
/// scrambled Sobol sequence instead of TPE's (Optuna: n_startup_trials = 10, with random points).</param>
/// <param name="EiCandidates">Candidates drawn from the good density per suggestion (n_ei_candidates = 24).</param>
/// <param name="PriorWeight">Weight of the prior kernel (prior_weight = 1).</param>
/// <param name="Mode">Univariate or grouped multivariate.</param>
/// <param name="ConstantLiar">Pending trials count as bad ones (Optuna's constant_liar, default off there, on here).</param>
public sealed record TpeSettings(
    int StartupTrials = TpeDefaults.StartupTrials,
    int EiCandidates = TpeDefaults.EiCandidates,
    double PriorWeight = TpeDefaults.PriorWeight,
    TpeMode Mode = TpeMode.Univariate,
    bool ConstantLiar = true)
{
    /// <summary>The defaults.</summary>
    public static TpeSettings Default { get; } = new();
}
