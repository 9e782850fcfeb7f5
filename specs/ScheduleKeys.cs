// Which keys each schedule family accepts, and which targets each family may drive. Pure tables: the binder
// (ScheduleSpecBinder) uses them to report misplaced keys and the writer uses them to decide what to write.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>The spec keys of schedules, per family.</summary>
public static class ScheduleKeys
{
    public const string Schedule = "schedule";
    public const string Initial = "initial";
    public const string Final = "final";
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string Gamma = "gamma";
    public const string StepSize = "step_size";
    public const string Milestones = "milestones";
    public const string Warmup = "warmup";
    public const string Every = "every";
    public const string Min = "min";
    public const string Max = "max";
    public const string Factor = "factor";
    public const string Patience = "patience";
    public const string Threshold = "threshold";
    public const string Cooldown = "cooldown";
    public const string Smoothing = "smoothing";
    public const string Power = "power";
    public const string Reference = "reference";
    public const string Base = "base";
    public const string Values = "values";
    public const string Layers = "layers";

    /// <summary>Keys every family accepts.</summary>
    public static readonly IReadOnlyList<string> Common = [Schedule, Warmup, Every, Min, Max];

    /// <summary>Each family's own keys (without <see cref="Common"/>).</summary>
    public static readonly IReadOnlyDictionary<ScheduleFamily, IReadOnlyList<string>> OwnKeys =
        new Dictionary<ScheduleFamily, IReadOnlyList<string>>
        {
            [ScheduleFamily.Constant] = [Initial],
            [ScheduleFamily.InverseTime] = [Initial, Alpha, Beta],
            [ScheduleFamily.Exponential] = [Initial, Gamma],
            [ScheduleFamily.Polynomial] = [Initial, Beta, Final],
            [ScheduleFamily.Step] = [Initial, Gamma, StepSize, Milestones],
            [ScheduleFamily.Cosine] = [Initial, Final],
            [ScheduleFamily.Plateau] = [Initial, Base, Factor, Patience, Threshold, Cooldown],
            [ScheduleFamily.NoiseScale] = [Initial, Smoothing],
            [ScheduleFamily.FanIn] = [Initial, Base, Power, Reference],
            [ScheduleFamily.FeatureScale] = [Initial, Base],
            [ScheduleFamily.Recorded] = [Values, Layers],
        };

    /// <summary>Every schedule key of any family.</summary>
    public static readonly IReadOnlyList<string> All =
        Common.Take(1).Concat(OwnKeys.Values.SelectMany(k => k)).Concat(Common.Skip(1)).Distinct().ToArray();

    /// <summary>The keys valid for <paramref name="family"/>: its own plus the common ones.</summary>
    public static IReadOnlyList<string> For(ScheduleFamily family) =>
        Common.Take(1).Concat(OwnKeys[family]).Concat(Common.Skip(1)).ToArray();

    /// <summary>The families that use <paramref name="key"/> as one of their own keys.</summary>
    public static IEnumerable<ScheduleFamily> FamiliesUsing(string key) =>
        OwnKeys.Where(pair => pair.Value.Contains(key)).Select(pair => pair.Key);

    /// <summary>Whether <paramref name="family"/> may drive <paramref name="target"/>.</summary>
    public static bool Allows(ScheduleFamily family, ScheduleTarget target) => family switch
    {
        ScheduleFamily.NoiseScale => target == ScheduleTarget.BatchSize,
        ScheduleFamily.FanIn or ScheduleFamily.FeatureScale => target == ScheduleTarget.LearningRate,
        ScheduleFamily.Recorded => true,
        _ => true,
    };

    /// <summary>The families valid for <paramref name="target"/>.</summary>
    public static IEnumerable<ScheduleFamily> FamiliesFor(ScheduleTarget target) =>
        Enum.GetValues<ScheduleFamily>().Where(f => Allows(f, target));

    /// <summary>The spec key of a target, e.g. "learning_rate".</summary>
    public static string KeyOf(ScheduleTarget target) => SpecNames.Of(target);
}
