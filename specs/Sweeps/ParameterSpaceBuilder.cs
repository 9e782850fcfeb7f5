// Builds the ParameterSpace from the trial part of a sweep spec (every key except the sweep's own and `seed`).
// The expansion rules, exactly:
//   1. Axis: a list standing where the trial spec expects a scalar or a mapping, at any depth (a top-level key, a
//      key inside a schedule or model mapping, a schedule's base). Each item is one alternative.
//   2. Nested expansion: an item may itself contain axes; its alternatives are the product of those, and they take
//      its place in the outer axis. `[A, {initial: [x, y]}, B]` has 4 alternatives: A, {x}, {y}, B.
//   3. List-valued keys (model.hidden; trainer.command; milestones in any schedule): a list of scalars is the plain value (`[]` too);
//      a list containing a list is an axis whose items are such values.
//   4. An empty axis list is an error ("an empty list gives no trials").
//   5. Grid order: combinations are the cartesian product of the top-level axes in the order they appear in the
//      file (depth first), the last axis varying fastest; within an axis, items in order, each item's own
//      alternatives consecutively (the same rule, recursively). Trial index = combination × seeds + seed position.
//   6. Distributions {choice: [..]}, {uniform: [a, b]}, {loguniform: [a, b]} (0 < a), {int: [a, b]}: one key alone.
//      In a grid they are an error saying to use strategy random. In random search a plain list is a choice;
//      combination c is drawn from its own stream of the search seed: every mapping's values in file order, a
//      choice picks an item uniformly (then draws inside it), uniform is [a, b), loguniform exp(uniform(ln a, ln b))
//      in [a, b), int uniform over a..b inclusive.
// Refused positions become OmittedSpace so the rest of the file is still checked. Trial values themselves are not
// checked here (the trial binder checks the expanded trials), and sweep-level keys never reach this builder.

namespace SweepCluster.Specs.Sweeps;

/// <summary>Turns the trial part of a sweep spec into a <see cref="ParameterSpace"/>, reporting structural errors.</summary>
internal sealed class ParameterSpaceBuilder(SpecBindContext ctx, SearchStrategy strategy, SpecFormat format)
{
    private const string ListKind = "list";
    private const string ChoiceKind = "choice";

    /// <summary>Builds the space of <paramref name="trialPart"/> (a mapping holding only trial-spec keys).</summary>
    public static ParameterSpace Build(SpecBindContext ctx, SpecMapping trialPart, SearchStrategy strategy, SpecFormat format) =>
        new(trialPart, new ParameterSpaceBuilder(ctx, strategy, format).BuildMapping(trialPart, "", ""));

    private SpaceNode Build(SpecNode node, string fieldPath, string filePath, bool listValued) => node switch
    {
        SpecSequence list when listValued && !list.Items.Any(item => item is SpecSequence) => BuildPlainList(list, fieldPath, filePath),
        SpecSequence list => BuildAxis(list, list.Items, fieldPath, filePath, listValued, ListKind, index => SpecPath.Index(filePath, index)),
        SpecMapping mapping when DistributionReader.DistributionEntry(mapping) is { } entry => BuildDistribution(mapping, entry, fieldPath, filePath, listValued),
        SpecMapping mapping => BuildMapping(mapping, fieldPath, filePath),
        _ => new FixedSpace(node, fieldPath),
    };

    private SpaceNode BuildMapping(SpecMapping mapping, string fieldPath, string filePath)
    {
        var values = mapping.Entries
            .Select(entry => Build(entry.Value, SpecPath.Key(fieldPath, entry.Key), SpecPath.Key(filePath, entry.Key),
                IsListValued(fieldPath, entry.Key)))
            .ToArray();
        return values.All(value => value is FixedSpace) ? new FixedSpace(mapping, fieldPath) : new MappingSpace(mapping, fieldPath, mapping.Entries, values);
    }

    private SpaceNode BuildPlainList(SpecSequence list, string fieldPath, string filePath)
    {
        var items = list.Items
            .Select((item, index) => Build(item, SpecPath.Index(fieldPath, index), SpecPath.Index(filePath, index), listValued: false))
            .ToArray();
        return items.All(item => item is FixedSpace) ? new FixedSpace(list, fieldPath) : new SequenceSpace(list, fieldPath, items);
    }

    private SpaceNode BuildAxis(SpecNode source, IReadOnlyList<SpecNode> items, string fieldPath, string filePath, bool listValued,
        string kind, Func<int, string> itemPath)
    {
        if (items.Count == 0)
        {
            ctx.Error(filePath, source, kind == ChoiceKind
                ? "a choice needs at least one item, e.g. { choice: [32, 64] }"
                : "an empty list gives no trials; a list is a grid axis with one trial per item, so give at least one value " +
                  "(e.g. [0.1]) or remove the key to use the default");
            return new OmittedSpace(source, fieldPath);
        }
        var paths = Enumerable.Range(0, items.Count).Select(itemPath).ToArray();
        var alternatives = items.Select((item, index) => Build(item, fieldPath, paths[index], listValued)).ToArray();
        return new ChoiceSpace(source, fieldPath, filePath, alternatives, paths, kind);
    }

    private SpaceNode BuildDistribution(SpecMapping mapping, SpecEntry entry, string fieldPath, string filePath, bool listValued)
    {
        if (strategy == SearchStrategy.Grid)
        {
            ctx.Error(SpecPath.Key(filePath, entry.Key), entry.KeyLine,
                $"'{entry.Key}' is a random-search distribution; use search: {{ strategy: random, trials: N }}, " +
                "or list the values for a grid, e.g. [0.1, 0.01]");
            return new OmittedSpace(mapping, fieldPath);
        }
        if (!DistributionReader.CheckAlone(ctx, mapping, entry, filePath)) return new OmittedSpace(mapping, fieldPath);
        if (entry.Key == DistributionReader.Choice)
        {
            var choicePath = SpecPath.Key(filePath, entry.Key);
            if (entry.Value is not SpecSequence list)
            {
                ctx.Error(choicePath, entry.Value, $"expected a list of items such as [32, 64], found {entry.Value.Describe()}");
                return new OmittedSpace(mapping, fieldPath);
            }
            return BuildAxis(mapping, list.Items, fieldPath, filePath, listValued, ChoiceKind, index => SpecPath.Index(choicePath, index));
        }
        return DistributionReader.ReadRange(ctx, entry, filePath) is { } range
            ? new DistributionSpace(mapping, fieldPath, range.Kind, range.Low, range.High, format == SpecFormat.Json, filePath)
            : new OmittedSpace(mapping, fieldPath);
    }

    /// <summary>Keys whose plain value is a list: model.hidden, trainer.command, and milestones in any schedule.</summary>
    private static bool IsListValued(string parentFieldPath, string key) =>
        (parentFieldPath == TrialSpecBinder.Model && key == ModelSpecBinder.Hidden)
        || (parentFieldPath == TrialSpecBinder.Trainer && key == ExternalTrainerBinder.Command)
        || key == ScheduleKeys.Milestones;
}
