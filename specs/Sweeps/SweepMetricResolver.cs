// Settles the sweep's metric once the trials' tasks are known: the default (the first objective of a multi-objective
// sweep, else val_accuracy for classification and val_rmse for regression; an error when the task differs between
// trials), the default goal (maximize for accuracy and R², minimize otherwise), and refusals of a metric the task does
// not produce, a goal that ranks backwards, a cost (steps) to rank by, or a metric that is not one of the objectives.
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Resolves <see cref="MetricSpec"/> for a sweep.</summary>
internal static class SweepMetricResolver
{
    /// <summary>The metric; problems go to <paramref name="ctx"/>.</summary>
    /// <param name="tasks">The tasks of the validated trials (empty when none could be bound).</param>
    public static MetricSpec Resolve(SpecBindContext ctx, SweepSettings settings, IReadOnlySet<TaskKind> tasks)
    {
        var primary = settings.MetricName is null ? settings.Objectives?.FirstOrDefault() : null;
        var name = settings.MetricName ?? primary?.Name ?? DefaultName(ctx, settings, tasks);
        var natural = MetricSpec.NaturalGoalOf(name);
        if (settings.MetricGoal is { } goal && goal != natural)
        {
            ctx.Error(SpecPath.Key(SweepKeys.Metric, SweepKeys.Goal), settings.MetricLine, WrongGoal(name));
        }
        if (settings.MetricName is { } given)
        {
            CheckGiven(ctx, settings, given, tasks);
        }
        else if (primary is not null && !MetricSpec.CanRankBy(primary.Name))
        {
            ctx.Error(primary.Path, primary.Line,
                $"without metric:, the first objective is the one trials are ranked by, and {SpecNames.Of(primary.Name)} is a cost, not a result; " +
                $"list a result first (e.g. {SpecNames.Of(MetricName.ValAccuracy)}) or name it with metric:");
        }
        return new MetricSpec(name, natural);
    }

    /// <summary>The refusal of a goal opposite to <paramref name="name"/>'s natural one.</summary>
    internal static string WrongGoal(MetricName name)
    {
        var natural = MetricSpec.NaturalGoalOf(name);
        return $"{SpecNames.Of(name)} is better when {(natural == MetricGoal.Maximize ? "larger" : "smaller")}; use goal: {SpecNames.Of(natural)} (or omit goal)";
    }

    /// <summary>The refusal of <paramref name="name"/> for a sweep whose trials include <paramref name="task"/>, or null
    /// when every trial produces it.</summary>
    internal static string? WrongTask(MetricName name, IReadOnlySet<TaskKind> tasks, bool rankable)
    {
        if (RequiredTask(name) is not { } required || tasks.All(task => task == required)) return null;
        var other = tasks.First(task => task != required);
        var valid = ValidFor(other).Where(m => !rankable || MetricSpec.CanRankBy(m)).Select(SpecNames.Of);
        return $"{SpecNames.Of(name)} exists only for task: {SpecNames.Of(required)}, but trials of this sweep are {SpecNames.Of(other)}; " +
               $"valid for {SpecNames.Of(other)}: {string.Join(", ", valid)}";
    }

    private static void CheckGiven(SpecBindContext ctx, SweepSettings settings, MetricName given, IReadOnlySet<TaskKind> tasks)
    {
        var field = SpecPath.Key(SweepKeys.Metric, SweepKeys.MetricName);
        if (!MetricSpec.CanRankBy(given))
        {
            ctx.Error(field, settings.MetricLine,
                $"{SpecNames.Of(given)} is a cost, not a result to rank trials by; list it in objectives: beside a result, " +
                $"e.g. objectives: [{SpecNames.Of(MetricName.ValAccuracy)}, {SpecNames.Of(given)}]");
        }
        if (WrongTask(given, tasks, rankable: true) is { } wrongTask)
        {
            ctx.Error(field, settings.MetricLine, wrongTask);
        }
        if (settings.Objectives is { Count: > 0 } objectives && objectives.All(o => o.Name != given))
        {
            ctx.Error(field, settings.MetricLine,
                $"with objectives:, metric names the objective trials are ranked by, so it must be one of them: " +
                $"{string.Join(", ", objectives.Select(o => SpecNames.Of(o.Name)))}");
        }
    }

    /// <summary>The metrics a task's trials produce.</summary>
    private static IEnumerable<MetricName> ValidFor(TaskKind task) =>
        Enum.GetValues<MetricName>().Where(m => RequiredTask(m) is null || RequiredTask(m) == task);

    private static MetricName DefaultName(SpecBindContext ctx, SweepSettings settings, IReadOnlySet<TaskKind> tasks)
    {
        if (tasks.Count > 1)
        {
            ctx.Error(SweepKeys.Metric, settings.MetricLine,
                $"the task differs between trials ({string.Join(" and ", tasks.Order().Select(SpecNames.Of))}), so there is no default metric; " +
                $"give one that both have, e.g. metric: {{ name: {SpecNames.Of(MetricName.ValLoss)} }}");
        }
        return tasks.Count == 1 && tasks.Contains(TaskKind.Regression) ? MetricSpec.DefaultRegression.Name : MetricSpec.DefaultClassification.Name;
    }

    private static TaskKind? RequiredTask(MetricName name) => name switch
    {
        MetricName.ValAccuracy => TaskKind.Classification,
        MetricName.ValRmse or MetricName.ValR2 => TaskKind.Regression,
        _ => null,
    };
}
