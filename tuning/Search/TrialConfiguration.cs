using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

/// <summary>One trial a searcher proposes: a full trial spec, plus which combination of the space it is.</summary>
/// <param name="Index">0-based trial number within the sweep (stable: the trial's identity).</param>
/// <param name="Combination">0-based number of the hyperparameter combination; seeds replicate a combination.</param>
/// <param name="Seed">The trial spec's seed (a replicate of the combination).</param>
/// <param name="Axes">Each searched field's dotted path and the value chosen for it, written for people,
/// e.g. ("learning_rate", "inverse_time(0.1, α=0.01, β=0.5)"), in the order the axes appear in the spec.</param>
/// <param name="Spec">The complete trial spec to run.</param>
public sealed record TrialConfiguration(int Index, int Combination, long Seed, IReadOnlyList<KeyValuePair<string, string>> Axes, TrialSpec Spec)
{
    /// <summary>The trial configuration of trial <paramref name="index"/>; throws <see cref="SpecException"/> when the
    /// combination does not bind (possible only for grids too large to validate exhaustively).</summary>
    internal static TrialConfiguration Of(SweepSpec sweep, int index, int combination, ExpandedTrial trial) =>
        Of(sweep, index, combination, sweep.Seeds[index % sweep.Seeds.Count], trial);

    /// <summary>As above, with the trial's seed given (an extended sweep's seeds go beyond the spec's).</summary>
    internal static TrialConfiguration Of(SweepSpec sweep, int index, int combination, long seed, ExpandedTrial trial)
    {
        var spec = ExpandedTrialBinder.Bind(trial, sweep.Source, out var errors);
        if (errors.Count > 0) throw new SpecException(errors);
        var axes = trial.Axes
            .Select(axis => new KeyValuePair<string, string>(axis.Key, AxisValueText.Describe(axis.Key, axis.Value, spec)))
            .ToArray();
        return new TrialConfiguration(index, combination, seed, axes, spec with { Seed = seed });
    }
}
