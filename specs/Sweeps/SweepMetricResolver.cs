// Settles the sweep's metric once the trials' tasks are known: the default (val_accuracy for classification,
// val_rmse for regression; an error when the task differs between trials), the default goal (maximize for accuracy
// and R², minimize otherwise), and refusals of a metric the task does not produce or a goal that ranks backwards.
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
        var name = settings.MetricName ?? DefaultName(ctx, settings, tasks);
        var natural = NaturalGoal(name);
        if (settings.MetricGoal is { } goal && goal != natural)
        {
            ctx.Error(SpecPath.Key(SweepKeys.Metric, SweepKeys.Goal), settings.MetricLine,
                $"{SpecNames.Of(name)} is better when {(natural == MetricGoal.Maximize ? "larger" : "smaller")}; use goal: {SpecNames.Of(natural)} (or omit goal)");
        }
        if (settings.MetricName is { } given && RequiredTask(given) is { } required && tasks.Any(task => task != required))
        {
            ctx.Error(SpecPath.Key(SweepKeys.Metric, SweepKeys.MetricName), settings.MetricLine,
                $"{SpecNames.Of(given)} exists only for task: {SpecNames.Of(required)}, but trials of this sweep are {SpecNames.Of(tasks.First(task => task != required))}; " +
                $"valid for {SpecNames.Of(tasks.First(task => task != required))}: {string.Join(", ", ValidFor(tasks.First(task => task != required)).Select(SpecNames.Of))}");
        }
        return new MetricSpec(name, natural);
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

    private static MetricGoal NaturalGoal(MetricName name) =>
        name is MetricName.ValAccuracy or MetricName.ValR2 ? MetricGoal.Maximize : MetricGoal.Minimize;

    private static TaskKind? RequiredTask(MetricName name) => name switch
    {
        MetricName.ValAccuracy => TaskKind.Classification,
        MetricName.ValRmse or MetricName.ValR2 => TaskKind.Regression,
        _ => null,
    };
}
