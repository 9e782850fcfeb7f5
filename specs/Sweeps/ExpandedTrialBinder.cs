// Binds one materialised combination with the engine's TrialSpecBinder and turns it into a TrialConfiguration. The
// binder's field paths are rewritten to where the values are written in the sweep file (learning_rate[1].initial[0]),
// lines are already right because materialisation keeps the original nodes. It does not decide which combination
// to expand (the searchers and the validator do).
using SweepCluster.Engine.Specs;
using SweepCluster.Sweeps.Search;

namespace SweepCluster.Sweeps.SweepSpecs;

/// <summary>Binds expanded trials.</summary>
internal static class ExpandedTrialBinder
{
    /// <summary>Binds <paramref name="trial"/>; the errors (possibly none) carry file field paths.</summary>
    public static TrialSpec Bind(ExpandedTrial trial, string source, out IReadOnlyList<SpecError> errors)
    {
        var ctx = new SpecBindContext(source);
        var spec = TrialSpecBinder.Bind(ctx, trial.Root);
        errors = ctx.Errors.Select(error => error with { Field = trial.Paths.ToFilePath(error.Field) }).ToArray();
        return spec;
    }

    /// <summary>The trial configuration of trial <paramref name="index"/>; throws <see cref="SpecException"/> when the
    /// combination does not bind (possible only for grids too large to validate exhaustively).</summary>
    public static TrialConfiguration Configure(SweepSpec sweep, int index, int combination, ExpandedTrial trial)
    {
        var seed = sweep.Seeds[index % sweep.Seeds.Count];
        var spec = Bind(trial, sweep.Source, out var errors);
        if (errors.Count > 0) throw new SpecException(errors);
        var axes = trial.Axes
            .Select(axis => new KeyValuePair<string, string>(axis.Key, AxisValueText.Describe(axis.Key, axis.Value, spec)))
            .ToArray();
        return new TrialConfiguration(index, combination, seed, axes, spec with { Seed = seed });
    }
}
