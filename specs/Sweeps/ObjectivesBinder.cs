// Binds a sweep spec's objectives: key, a list of metrics written as { name: val_accuracy, goal: maximize } or as a
// bare name, and refuses what the list alone shows to be wrong: not a list, fewer than two entries, an unknown name
// or key, a metric listed twice. It does not default goals nor check them against the trials' task
// (SweepObjectivesResolver does, once the task is known).
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Binds <c>objectives:</c>.</summary>
internal static class ObjectivesBinder
{
    /// <summary>The fewest objectives a multi-objective sweep has (one is <c>metric:</c>).</summary>
    public const int MinimumObjectives = 2;

    private const string Example = "[{ name: val_accuracy, goal: maximize }, steps]";

    /// <summary>The entries of <paramref name="entry"/>, in file order; null when the spec has no <c>objectives:</c>.</summary>
    public static IReadOnlyList<BoundObjective>? Bind(SpecBindContext ctx, SpecEntry? entry)
    {
        if (entry is null) return null;
        if (SpecValues.Sequence(ctx, entry.Value, SweepKeys.Objectives, Example) is not { } list) return [];
        var bound = new List<BoundObjective>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = SpecPath.Index(SweepKeys.Objectives, i);
            if (BindOne(ctx, list.Items[i], path) is not { } objective) continue;
            if (bound.FirstOrDefault(o => o.Name == objective.Name) is { } first)
            {
                ctx.Error(path, list.Items[i],
                    $"{SpecNames.Of(objective.Name)} is already {first.Path}; list each metric once");
                continue;
            }
            bound.Add(objective);
        }
        if (list.Items.Count < MinimumObjectives)
        {
            ctx.Error(SweepKeys.Objectives, list,
                $"give at least {MinimumObjectives} objectives (found {list.Items.Count}), e.g. objectives: {Example}; a single one is metric:");
        }
        return bound;
    }

    private static BoundObjective? BindOne(SpecBindContext ctx, SpecNode node, string path)
    {
        if (node is SpecScalar)
        {
            return SpecValues.TryEnum<MetricName>(ctx, node, path, "metric", out var only) ? new BoundObjective(only, null, path, node.Line) : null;
        }
        if (SpecValues.Mapping(ctx, node, path, "{ name: val_accuracy, goal: maximize } or a metric name") is not { } mapping) return null;
        MetricName? name = null;
        MetricGoal? goal = null;
        var named = false;
        foreach (var item in mapping.Entries)
        {
            var itemPath = SpecPath.Key(path, item.Key);
            switch (item.Key)
            {
                case SweepKeys.MetricName:
                    named = true;
                    if (SpecValues.TryEnum<MetricName>(ctx, item.Value, itemPath, "metric", out var n)) name = n;
                    break;
                case SweepKeys.Goal:
                    if (SpecValues.TryEnum<MetricGoal>(ctx, item.Value, itemPath, "goal", out var g)) goal = g;
                    break;
                default:
                    SpecValues.UnknownKey(ctx, item, path, SweepKeys.MetricKeys);
                    break;
            }
        }
        if (!named)
        {
            ctx.Error(path, mapping, $"an objective needs a name, one of {string.Join(", ", SpecNames.All<MetricName>())}");
        }
        return name is { } metric ? new BoundObjective(metric, goal, path, mapping.Line) : null;
    }
}
