// Settles a multi-objective sweep's objectives once the trials' tasks are known: each objective's goal is its metric's
// natural one (maximize for accuracy and R², minimize for losses, RMSE and steps), a goal written the other way round
// is refused as metric:'s is, and so is a metric the trials' task does not produce. Which objective ranks the trials
// is SweepMetricResolver's.
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Resolves <see cref="SweepSpec.Objectives"/>.</summary>
internal static class SweepObjectivesResolver
{
    /// <summary>The objectives in file order; empty for a single-objective sweep. Problems go to <paramref name="ctx"/>.</summary>
    /// <param name="tasks">The tasks of the validated trials (empty when none could be bound).</param>
    public static IReadOnlyList<MetricSpec> Resolve(SpecBindContext ctx, SweepSettings settings, IReadOnlySet<TaskKind> tasks)
    {
        if (settings.Objectives is not { } objectives) return [];
        foreach (var objective in objectives)
        {
            if (objective.Goal is { } goal && goal != MetricSpec.NaturalGoalOf(objective.Name))
            {
                ctx.Error(SpecPath.Key(objective.Path, SweepKeys.Goal), objective.Line, SweepMetricResolver.WrongGoal(objective.Name));
            }
            if (SweepMetricResolver.WrongTask(objective.Name, tasks, rankable: false) is { } wrongTask)
            {
                ctx.Error(SpecPath.Key(objective.Path, SweepKeys.MetricName), objective.Line, wrongTask);
            }
        }
        return objectives.Select(o => new MetricSpec(o.Name, MetricSpec.NaturalGoalOf(o.Name))).ToArray();
    }
}
