// Locates a configuration written like the spec (a "first point" of a search) in the parameter space: the draws
// (dimension key → alternative index or number) that make ParameterSpace.Sample produce exactly that configuration.
// The rules, position by position:
//   - a choice or list: the first alternative the given value matches (a fixed alternative equal to it, a schedule
//     or other mapping alternative whose searched values can take the given ones, recursively);
//   - a distribution: the given number, which must lie in its bounds (int: a whole number, both ends included;
//     uniform and loguniform: low included, high excluded);
//   - a searched position the point reaches must be given: a point is a complete configuration;
//   - a fixed position may be left out (it keeps the spec's value) or must equal the spec's value; except `schedule`
//     and `type`, which say which family or optimizer a mapping is (leaving one out would mean the default) and so
//     must be given wherever the spec writes them;
//   - a key the spec does not write is refused.
// Problems go to a SpecBindContext at the point's own paths (search.first[i].learning_rate.gamma) and lines. It does
// not bind or validate the resulting trial (FirstPointsBinder does) and knows nothing of sweep settings.
using System.Globalization;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Finds the draws that reproduce a configuration written in the shape of the spec.</summary>
internal static class SpacePointLocator
{
    /// <summary>Mapping keys that name what a mapping is, whose omission means the trial spec's default.</summary>
    private static readonly IReadOnlyList<string> Discriminators = [ScheduleKeys.Schedule, OptimizerSpecBinder.Type];

    /// <summary>The draws that make <paramref name="space"/> produce <paramref name="point"/>, or null after reporting
    /// every problem to <paramref name="ctx"/> at paths below <paramref name="pointPath"/>.</summary>
    public static IReadOnlyDictionary<string, double>? Locate(SpecBindContext ctx, ParameterSpace space, SpecMapping point, string pointPath)
    {
        var match = Visit(space.Root, point, pointPath);
        foreach (var problem in match.Problems) ctx.Error(problem.Path, problem.Line, problem.Message);
        if (match.Missing.Count > 0)
        {
            var missing = string.Join("; ", match.Missing.Select(m => $"{m.Path[(pointPath.Length + 1)..]} ({m.Allowed}, e.g. {m.Example})"));
            ctx.Error(pointPath, point,
                $"a first point is a complete configuration: give a value for every searched field it reaches. Missing: {missing}");
        }
        return match.IsFound ? match.Draws : null;
    }

    private static Match Visit(SpaceNode node, SpecNode? given, string path)
    {
        if (given is null) return node is FixedSpace or OmittedSpace ? Match.Empty : MissingBelow(node, path);
        return node switch
        {
            OmittedSpace => Match.Empty,
            FixedSpace { Source: SpecMapping mapping } => VisitMapping(mapping, mapping.Entries.Select(e => (SpaceNode)new FixedSpace(e.Value, "")).ToArray(), given, path),
            FixedSpace { Source: SpecSequence list } => VisitSequence(list.Items.Select(item => (SpaceNode)new FixedSpace(item, "")).ToArray(), given, path),
            FixedSpace fixedValue => SameScalar(fixedValue.Source, given) ? Match.Empty
                : Match.Problem(path, given.Line, $"the spec fixes this at {SpacePointText.Render(fixedValue.Source)}, found {SpacePointText.Render(given)}; leave it out or give that value"),
            DistributionSpace distribution => VisitDistribution(distribution, given, path),
            ChoiceSpace choice => VisitChoice(choice, given, path),
            MappingSpace mapping => VisitMapping((SpecMapping)mapping.Source, mapping.Children, given, path),
            SequenceSpace list => VisitSequence(list.Children, given, path),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown space node"),
        };
    }

    /// <summary>Every searched position under <paramref name="node"/> that a point left out (a mapping's searched keys one by one).</summary>
    private static Match MissingBelow(SpaceNode node, string path) => node switch
    {
        MappingSpace mapping => ((SpecMapping)mapping.Source).Entries
            .Zip(mapping.Children, (entry, child) => Visit(child, null, SpecPath.Key(path, entry.Key)))
            .Aggregate(Match.Empty, Match.Combine),
        _ => new Match(new Dictionary<string, double>(), [], [new MissingField(path, SpacePointText.Allowed(node), SpacePointText.Example(node))]),
    };

    private static Match VisitDistribution(DistributionSpace distribution, SpecNode given, string path)
    {
        var scratch = new SpecBindContext("");
        var allowed = distribution.Describe();
        if (!SpecValues.TryNumber(scratch, given, path, out var value))
        {
            return Match.Problem(path, given.Line, $"{scratch.Errors[0].Message}; the spec draws this from {allowed}");
        }
        var whole = distribution.Kind != DistributionKind.Int || Math.Floor(value) == value;
        var inside = distribution.Kind == DistributionKind.Int
            ? value >= distribution.Low && value <= distribution.High
            : value >= distribution.Low && value < distribution.High;
        if (whole && inside) return new Match(new Dictionary<string, double> { [distribution.Dimension.Key] = value }, [], []);
        var rule = distribution.Kind == DistributionKind.Int
            ? $"a whole number from {HumanNumber.Format(distribution.Low)} to {HumanNumber.Format(distribution.High)}, both included"
            : $"a number from {HumanNumber.Format(distribution.Low)} up to, not including, {HumanNumber.Format(distribution.High)}";
        return Match.Problem(path, given.Line, $"{SpacePointText.Render(given)} is not in {allowed}: give {rule}");
    }

    private static Match VisitChoice(ChoiceSpace choice, SpecNode given, string path)
    {
        var tried = new List<(SpaceNode Item, Match Match)>(choice.Items.Count);
        for (var i = 0; i < choice.Items.Count; i++)
        {
            var match = Visit(choice.Items[i], given, path);
            if (match.IsFound) return Match.Combine(new Match(new Dictionary<string, double> { [choice.Dimension.Key] = i }, [], []), match);
            tried.Add((choice.Items[i], match));
        }
        var sameShape = tried.Where(t => SameShape(t.Item, given)).ToArray();
        if (sameShape.Length == 1) return sameShape[0].Match; // the alternative the user evidently means: its own problems say more
        return Match.Problem(path, given.Line,
            $"{SpacePointText.Render(given)} is none of the alternatives the spec gives here: {SpacePointText.Alternatives(choice)}");
    }

    private static Match VisitMapping(SpecMapping spec, IReadOnlyList<SpaceNode> values, SpecNode given, string path)
    {
        if (given is not SpecMapping mapping)
        {
            return Match.Problem(path, given.Line, $"expected a mapping like the spec's {SpacePointText.Render(spec)}, found {SpacePointText.Render(given)}");
        }
        var result = Match.Empty;
        foreach (var entry in mapping.Entries.Where(entry => spec.Find(entry.Key) is null))
        {
            result = Match.Combine(result, Match.Problem(SpecPath.Key(path, entry.Key), entry.KeyLine,
                $"the spec does not write '{entry.Key}' here, so a point cannot give it; keys here: {string.Join(", ", spec.Entries.Select(e => e.Key))}"));
        }
        foreach (var key in Discriminators.Where(key => spec.Find(key) is { Value: SpecScalar } && mapping.Find(key) is null))
        {
            result = Match.Combine(result, Match.Problem(SpecPath.Key(path, key), mapping.Line,
                $"give {key}: {SpacePointText.Render(spec.Find(key)!.Value)} as the spec does: without it the mapping means the default {key}"));
        }
        for (var i = 0; i < spec.Entries.Count; i++)
        {
            var key = spec.Entries[i].Key;
            result = Match.Combine(result, Visit(values[i], mapping.Find(key)?.Value, SpecPath.Key(path, key)));
        }
        return result;
    }

    private static Match VisitSequence(IReadOnlyList<SpaceNode> items, SpecNode given, string path)
    {
        if (given is not SpecSequence list || list.Items.Count != items.Count)
        {
            var shape = string.Join(", ", items.Select(SpacePointText.Allowed));
            return Match.Problem(path, given.Line, $"expected a list of {items.Count} like the spec's [{shape}], found {SpacePointText.Render(given)}");
        }
        return items.Select((item, i) => Visit(item, list.Items[i], SpecPath.Index(path, i))).Aggregate(Match.Empty, Match.Combine);
    }

    /// <summary>Equal scalars: numbers by value (1e-3 equals 0.001), anything else by its text.</summary>
    private static bool SameScalar(SpecNode spec, SpecNode given)
    {
        if (spec is not SpecScalar a || given is not SpecScalar b) return false;
        if (a.IsNull || b.IsNull) return a.IsNull == b.IsNull;
        if (!a.Quoted && !b.Quoted && Number(a) is { } x && Number(b) is { } y) return x == y;
        return string.Equals(a.Text, b.Text, StringComparison.Ordinal);
    }

    private static double? Number(SpecScalar scalar) =>
        double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Whether the mapping or list <paramref name="given"/> is written in the form of <paramref name="item"/> (a
    /// mapping of the same schedule or type, a list of the same length), so that the item's own problems are the ones to report.
    /// A scalar narrows nothing: the alternatives themselves (values and bounds) say best what it may be.</summary>
    private static bool SameShape(SpaceNode item, SpecNode given) => (item, given) switch
    {
        (ChoiceSpace or OmittedSpace, SpecMapping or SpecSequence) => true,
        (MappingSpace or FixedSpace { Source: SpecMapping }, SpecMapping mapping) => SameDiscriminators((SpecMapping)item.Source, mapping),
        (SequenceSpace list, SpecSequence sequence) => list.Children.Count == sequence.Items.Count,
        (FixedSpace { Source: SpecSequence list }, SpecSequence sequence) => list.Items.Count == sequence.Items.Count,
        _ => false,
    };

    private static bool SameDiscriminators(SpecMapping spec, SpecMapping given) => Discriminators.All(key =>
        spec.Find(key)?.Value is not SpecScalar written
            ? true
            : given.Find(key)?.Value is { } value && SameScalar(written, value));

    /// <summary>A searched position a point left out.</summary>
    private sealed record MissingField(string Path, string Allowed, string Example);

    /// <summary>A problem at a position of the point.</summary>
    private sealed record Problem(string Path, int Line, string Message);

    /// <summary>What matching a (part of a) point found: its draws, or why it does not match.</summary>
    private sealed record Match(IReadOnlyDictionary<string, double> Draws, IReadOnlyList<Problem> Problems, IReadOnlyList<MissingField> Missing)
    {
        public static Match Empty { get; } = new(new Dictionary<string, double>(), [], []);

        public bool IsFound => Problems.Count == 0 && Missing.Count == 0;

        public static Match Problem(string path, int line, string message) => new(new Dictionary<string, double>(), [new(path, line, message)], []);

        public static Match Combine(Match a, Match b)
        {
            var draws = new Dictionary<string, double>(a.Draws, StringComparer.Ordinal);
            foreach (var (key, value) in b.Draws) draws[key] = value;
            return new Match(draws, [.. a.Problems, .. b.Problems], [.. a.Missing, .. b.Missing]);
        }
    }
}
