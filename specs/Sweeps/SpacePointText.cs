// Text for the messages about points located in a parameter space: a spec node written back as flow YAML (what the
// user wrote), what a position of the space allows (its fixed value, its distribution, its alternatives), and a value
// one could write there. Display only: it parses nothing and is not meant to round-trip exotic scalars.
namespace SweepCluster.Specs.Sweeps;

/// <summary>Renders spec nodes and space positions for error messages.</summary>
internal static class SpacePointText
{
    /// <summary><paramref name="node"/> as flow YAML: <c>0.1</c>, <c>"text"</c>, <c>[64, 32]</c>, <c>{ schedule: cosine, initial: 0.1 }</c>.</summary>
    public static string Render(SpecNode node) => node switch
    {
        SpecScalar { IsNull: true } => "null",
        SpecScalar { Quoted: true } or SpecScalar { JsonKind: System.Text.Json.JsonTokenType.String } => Quote(((SpecScalar)node).Text),
        SpecScalar scalar => scalar.Text,
        SpecSequence list => $"[{string.Join(", ", list.Items.Select(Render))}]",
        SpecMapping { Entries.Count: 0 } => "{}",
        SpecMapping mapping => $"{{ {string.Join(", ", mapping.Entries.Select(e => $"{e.Key}: {Render(e.Value)}"))} }}",
        _ => node.Describe(),
    };

    /// <summary>What <paramref name="node"/> allows, e.g. <c>{ schedule: exponential, gamma: uniform [0.5, 0.99) }</c>;
    /// a choice as the list of its alternatives.</summary>
    public static string Allowed(SpaceNode node) => node switch
    {
        FixedSpace fixedValue => Render(fixedValue.Source),
        DistributionSpace distribution => distribution.Describe(),
        ChoiceSpace choice => $"[{string.Join(", ", choice.Items.Select(Allowed))}]",
        MappingSpace mapping => $"{{ {string.Join(", ", ((SpecMapping)mapping.Source).Entries.Zip(mapping.Children, (e, c) => $"{e.Key}: {Allowed(c)}"))} }}",
        SequenceSpace list => $"[{string.Join(", ", list.Children.Select(Allowed))}]",
        _ => "(a value refused above)",
    };

    /// <summary>The alternatives of <paramref name="choice"/>, e.g. <c>0.1, 0.05 or { schedule: cosine, initial: uniform [0.01, 0.1) }</c>.</summary>
    public static string Alternatives(ChoiceSpace choice)
    {
        var items = choice.Items.Select(Allowed).ToArray();
        return items.Length == 1 ? items[0] : $"{string.Join(", ", items[..^1])} or {items[^1]}";
    }

    /// <summary>A value that <paramref name="node"/> accepts: a fixed value as written, a distribution's low end, a
    /// choice's first alternative.</summary>
    public static string Example(SpaceNode node) => node switch
    {
        FixedSpace fixedValue => Render(fixedValue.Source),
        DistributionSpace distribution => HumanNumber.Format(distribution.Low),
        ChoiceSpace choice => Example(choice.Items[0]),
        MappingSpace mapping => $"{{ {string.Join(", ", ((SpecMapping)mapping.Source).Entries.Zip(mapping.Children, (e, c) => $"{e.Key}: {Example(c)}"))} }}",
        SequenceSpace list => $"[{string.Join(", ", list.Children.Select(Example))}]",
        _ => "…",
    };

    private static string Quote(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
