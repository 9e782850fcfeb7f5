// A model-based searcher's suggestion for one combination, as the coordinator stores it: the value drawn at each
// decision point the suggestion activated (an alternative index or a number, by dimension key). Every seed's trial of
// the combination is bound from these, on any silo and after any restart, so the suggestion is made once.
using System.Collections.Immutable;

namespace SweepCluster.Coordination.State;

/// <summary>One drawn value of a suggestion: the decision point's key and its value.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SuggestedValue")]
public sealed record SuggestedValue([property: Id(0)] string Key, [property: Id(1)] double Value);

/// <summary>The stored suggestion of one combination.</summary>
/// <param name="Values">The drawn values, in the order the space's walk reached them.</param>
/// <param name="Startup">A point of the Sobol start rather than a model's proposal.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SuggestedCombination")]
public sealed record SuggestedCombination([property: Id(0)] ImmutableArray<SuggestedValue> Values, [property: Id(1)] bool Startup)
{
    /// <summary>The values by key.</summary>
    public IReadOnlyDictionary<string, double> ToDictionary() => Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>The stored form of drawn <paramref name="values"/>.</summary>
    public static SuggestedCombination Of(IReadOnlyDictionary<string, double> values, bool startup) =>
        new([.. values.Select(pair => new SuggestedValue(pair.Key, pair.Value))], startup);
}
