// Writes the value a trial took on one axis, for TrialConfiguration.Axes: a whole schedule (learning_rate,
// weight_decay, batch_size or their base) through ScheduleDescriber, using the bound spec; anything else from the
// picked node itself ("0.1", "[64, 32]", "adam", "{type: adam, momentum: 0.9}"). It does not bind anything.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Describes the value picked for an axis.</summary>
internal static class AxisValueText
{
    private static readonly IReadOnlyDictionary<string, (ScheduleTarget Target, Func<TrialSpec, ScheduleSpec> Get)> Schedules =
        new Dictionary<string, (ScheduleTarget, Func<TrialSpec, ScheduleSpec>)>(StringComparer.Ordinal)
        {
            [TrialSpecBinder.LearningRate] = (ScheduleTarget.LearningRate, spec => spec.LearningRate),
            [TrialSpecBinder.WeightDecay] = (ScheduleTarget.WeightDecay, spec => spec.WeightDecay),
            [TrialSpecBinder.BatchSize] = (ScheduleTarget.BatchSize, spec => spec.BatchSize),
        };

    /// <summary>The value of the axis at <paramref name="fieldPath"/> in <paramref name="spec"/>, written for people.</summary>
    public static string Describe(string fieldPath, SpecNode picked, TrialSpec spec) =>
        ScheduleAt(fieldPath, spec) is { } schedule ? ScheduleDescriber.Describe(schedule.Spec, schedule.Target) : Describe(picked);

    /// <summary>A node as short flow-style text.</summary>
    public static string Describe(SpecNode node) => node switch
    {
        SpecScalar scalar when IsNumber(scalar, out var value) => HumanNumber.Format(value),
        SpecScalar scalar => scalar.Text,
        SpecSequence list => $"[{string.Join(", ", list.Items.Select(Describe))}]",
        SpecMapping mapping => $"{{{string.Join(", ", mapping.Entries.Select(entry => $"{entry.Key}: {Describe(entry.Value)}"))}}}",
        _ => node.Describe(),
    };

    /// <summary>The schedule at "learning_rate", "learning_rate.base", ... ; null for any other path.</summary>
    private static (ScheduleSpec Spec, ScheduleTarget Target)? ScheduleAt(string fieldPath, TrialSpec spec)
    {
        var segments = fieldPath.Split('.');
        if (!Schedules.TryGetValue(segments[0], out var root)) return null;
        ScheduleSpec? schedule = root.Get(spec);
        foreach (var segment in segments.Skip(1))
        {
            if (segment != ScheduleKeys.Base) return null;
            schedule = schedule?.Base;
        }
        return schedule is null ? null : (schedule, root.Target);
    }

    private static bool IsNumber(SpecScalar scalar, out double value)
    {
        value = 0;
        return !scalar.Quoted
               && double.TryParse(scalar.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }
}
