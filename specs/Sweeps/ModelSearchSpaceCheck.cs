// What a model-based search (TPE, NSGA-II) cannot take, reported where it is written: PBT (it changes each trial's
// schedules as it trains, so a combination's result no longer belongs to the values the searcher suggested) and a
// searched `epochs` (every suggestion must train the same budget; a scheduler such as ASHA varies budgets instead).
// Checks only; binds nothing.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

internal static class ModelSearchSpaceCheck
{
    /// <param name="scheduler">The <c>scheduler:</c> entry as written and its path, or a null entry.</param>
    /// <param name="epochsLine">The line of the top-level <c>epochs</c> key, when there is one.</param>
    public static void Check(SpecBindContext ctx, SweepSettings settings, ParameterSpace space, (SpecEntry? Entry, string Path) scheduler, int? epochsLine)
    {
        if (settings.Strategy is not (SearchStrategy.Tpe or SearchStrategy.Nsga2)) return;
        var name = SpecNames.Of(settings.Strategy);
        var searcher = settings.Strategy == SearchStrategy.Tpe ? "TPE" : "NSGA-II";
        if (settings.Scheduler.Kind == SchedulerKind.Pbt && scheduler.Entry is { } entry)
        {
            ctx.Error(scheduler.Path, entry.KeyLine,
                $"PBT cannot be combined with strategy: {name}: PBT changes each trial's schedules as it trains, so {searcher} could not learn " +
                $"from the values it suggested. Use strategy: random with PBT, or {name} with scheduler: asha (or none)");
        }
        foreach (var dimension in space.Dimensions.Where(d => d.FieldPath == TrialSpecBinder.Epochs))
        {
            ctx.Error(dimension.Key, epochsLine,
                $"epochs cannot be searched with strategy: {name}: every suggestion must train the same budget to be compared. " +
                "Give one number of epochs and let a scheduler (scheduler: { type: asha }) stop the poor trials early");
        }
    }
}
