// Binds the TPE keys of a sweep spec's `search:` section (startup_trials, multivariate, constant_liar, window) once
// the strategy is known: with strategy tpe into TpeSearchSettings, each with its rule; with any other strategy each
// one given is an error saying it applies to tpe only (StrategyKeys). It does not bind strategy, trials or seed.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

internal static class TpeSettingsBinder
{
    /// <summary>The TPE settings of <paramref name="search"/>; null when <paramref name="strategy"/> is not TPE.</summary>
    public static TpeSearchSettings? Bind(SpecBindContext ctx, SpecMapping search, SearchStrategy strategy)
    {
        if (StrategyKeys.Given(ctx, search, SweepKeys.TpeKeys, SearchStrategy.Tpe, strategy) is not { } given) return null;
        var settings = TpeSearchSettings.Default;
        foreach (var item in given)
        {
            var path = SpecPath.Key(SweepKeys.Search, item.Key);
            switch (item.Key)
            {
                case SweepKeys.StartupTrials:
                    if (SpecValues.TryInt(ctx, item.Value, path, out var startup)
                        && SpecValues.Check(ctx, startup >= 0, item.Value, path,
                            $"must be >= 0 (combinations drawn from a Sobol sequence before TPE models the results; default {TpeSearchSettings.DefaultStartupTrials})", startup))
                        settings = settings with { StartupTrials = startup };
                    break;
                case SweepKeys.Multivariate:
                    if (SpecValues.TryBool(ctx, item.Value, path, out var multivariate)) settings = settings with { Multivariate = multivariate };
                    break;
                case SweepKeys.ConstantLiar:
                    if (SpecValues.TryBool(ctx, item.Value, path, out var liar)) settings = settings with { ConstantLiar = liar };
                    break;
                case SweepKeys.Window:
                    if (SpecValues.TryInt(ctx, item.Value, path, out var window)
                        && SpecValues.Check(ctx, window >= 1, item.Value, path,
                            $"must be >= 1 (combinations suggested before the results they may see are in; default {TpeSearchSettings.DefaultWindow})", window))
                        settings = settings with { Window = window };
                    break;
            }
        }
        return settings;
    }
}
