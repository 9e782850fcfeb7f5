// Whether two trial specs describe the same run. A record's generated equality compares its IReadOnlyList members by
// reference, so two equal specs that travelled separately (one deserialized by Orleans, one drawn by the searcher)
// would differ: these compare the lists element by element and every other member as the record does.
namespace SweepCluster.Core.Specs;

public static class SpecEquality
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are the same spec, lists compared by their elements.</summary>
    public static bool SameAs(this TrialSpec a, TrialSpec b) =>
        ReferenceEquals(a, b)
        || (a.Model.SameAs(b.Model)
            && a.LearningRate.SameAs(b.LearningRate)
            && a.WeightDecay.SameAs(b.WeightDecay)
            && a.BatchSize.SameAs(b.BatchSize)
            && SameParams(a.Params, b.Params)
            && WithoutParts(a) == WithoutParts(b));

    public static bool SameAs(this ModelSpec a, ModelSpec b) =>
        ReferenceEquals(a, b)
        || (a.Hidden.SequenceEqual(b.Hidden) && a with { Hidden = NoInts } == b with { Hidden = NoInts });

    public static bool SameAs(this ScheduleSpec a, ScheduleSpec b) =>
        ReferenceEquals(a, b)
        || (a.Milestones.SequenceEqual(b.Milestones)
            && SameList(a.Values, b.Values)
            && SameList(a.Layers, b.Layers)
            && (a.Base is null ? b.Base is null : b.Base is not null && a.Base.SameAs(b.Base))
            && WithoutLists(a) == WithoutLists(b));

    private static readonly IReadOnlyList<int> NoInts = [];
    private static readonly IReadOnlyList<long> NoLongs = [];
    private static readonly ModelSpec SomeModel = new();
    private static readonly ScheduleSpec SomeSchedule = new();

    private static TrialSpec WithoutParts(TrialSpec s) =>
        s with { Model = SomeModel, LearningRate = SomeSchedule, WeightDecay = SomeSchedule, BatchSize = SomeSchedule, Params = null };

    // By content: each side may be a copy of the other (a deserialised assignment).
    private static bool SameParams(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        a is null ? b is null : b is not null && a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && value == pair.Value);

    private static ScheduleSpec WithoutLists(ScheduleSpec s) =>
        s with { Milestones = NoLongs, Values = null, Layers = null, Base = null };

    private static bool SameList<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);
}
