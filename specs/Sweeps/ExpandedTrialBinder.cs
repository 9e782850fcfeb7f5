// Binds one materialised combination with the trial-spec binder (TrialSpecBinder; the searchers turn the result into a
// TrialConfiguration). The binder's field paths are rewritten to where the values are written in the sweep file
// (learning_rate[1].initial[0]); lines are already right because materialisation keeps the original nodes. It does not
// decide which combination to expand (the searchers and the validator do).
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Sweeps;

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
}
