// Optuna's TPESampler defaults (optuna/samplers/_tpe/sampler.py: default_gamma, default_weights and the constructor's
// defaults), named once. Constant liar is on here (Optuna's default is off) because parallel trials are the norm in
// a sweep and it is what makes concurrent suggestions differ. Nothing else.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>The default constants and functions of Optuna's TPE.</summary>
internal static class TpeDefaults
{
    /// <summary>n_startup_trials: trials drawn without the model before TPE starts.</summary>
    public const int StartupTrials = 10;

    /// <summary>n_ei_candidates: candidates drawn from the good density, the best ratio wins.</summary>
    public const int EiCandidates = 24;

    /// <summary>prior_weight.</summary>
    public const double PriorWeight = 1.0;

    /// <summary>default_gamma's fraction of the trials counted as good.</summary>
    public const double GoodFraction = 0.1;

    /// <summary>default_gamma's cap on the good trials; also default_weights's flat tail length.</summary>
    public const int GoodCap = 25;

    /// <summary>default_gamma: min(⌈0.1 · n⌉, 25) of <paramref name="finished"/> trials are good.</summary>
    public static int GoodCount(int finished) => Math.Min((int)Math.Ceiling(GoodFraction * finished), GoodCap);

    /// <summary>default_weights: 1 for each of fewer than 25 observations; otherwise a ramp from 1/n to 1 over all but
    /// the last 25 (oldest first), then 1 for the last 25.</summary>
    public static double[] Weights(int observations)
    {
        if (observations < GoodCap) return Enumerable.Repeat(1.0, observations).ToArray();
        var weights = new double[observations];
        var rampLength = observations - GoodCap;
        for (var i = 0; i < rampLength; i++)
        {
            var start = 1.0 / observations;
            weights[i] = rampLength == 1 ? start : start + (1.0 - start) * i / (rampLength - 1);
        }
        for (var i = rampLength; i < observations; i++) weights[i] = 1.0;
        return weights;
    }
}
