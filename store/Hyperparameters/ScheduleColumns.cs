// Flattens one schedule into columns under its axis: "<axis>.schedule" (the family, as text), one column per
// parameter the family uses, the common settings (warmup always; every, min, max and PBT's scale when set), then the
// base schedule of an adaptive policy under "<axis>.base.". The per-family table mirrors the spec language's keys
// (specs/ScheduleKeys.cs): recorded schedules write only their family (their pieces are not columns).
using SweepCluster.Core.Specs;

namespace SweepCluster.Store.Hyperparameters;

/// <summary>Turns a <see cref="ScheduleSpec"/> into hyperparameter columns.</summary>
public static class ScheduleColumns
{
    /// <summary>The segment of the family column: "learning_rate.schedule".</summary>
    public const string FamilySegment = "schedule";

    /// <summary>The segment under which an adaptive policy's base schedule is flattened: "learning_rate.base.initial".</summary>
    public const string BaseSegment = "base";

    private static readonly IReadOnlyDictionary<ScheduleFamily, IReadOnlyList<ScheduleParameter>> FamilyParameters =
        new Dictionary<ScheduleFamily, IReadOnlyList<ScheduleParameter>>
        {
            [ScheduleFamily.Constant] = [ScheduleParameter.Initial],
            [ScheduleFamily.InverseTime] = [ScheduleParameter.Initial, ScheduleParameter.Alpha, ScheduleParameter.Beta],
            [ScheduleFamily.Exponential] = [ScheduleParameter.Initial, ScheduleParameter.Gamma],
            [ScheduleFamily.Polynomial] = [ScheduleParameter.Initial, ScheduleParameter.Beta, ScheduleParameter.Final],
            [ScheduleFamily.Step] = [ScheduleParameter.Initial, ScheduleParameter.Gamma, ScheduleParameter.StepSize, ScheduleParameter.Milestones],
            [ScheduleFamily.Cosine] = [ScheduleParameter.Initial, ScheduleParameter.Final],
            [ScheduleFamily.Plateau] =
            [
                ScheduleParameter.Initial, ScheduleParameter.Factor, ScheduleParameter.Patience, ScheduleParameter.Threshold,
                ScheduleParameter.Cooldown,
            ],
            [ScheduleFamily.NoiseScale] = [ScheduleParameter.Initial, ScheduleParameter.Smoothing],
            [ScheduleFamily.FanIn] = [ScheduleParameter.Initial, ScheduleParameter.Power, ScheduleParameter.Reference],
            [ScheduleFamily.FeatureScale] = [ScheduleParameter.Initial],
            [ScheduleFamily.Recorded] = [],
        };

    private static readonly IReadOnlyList<ScheduleParameter> CommonParameters =
        [ScheduleParameter.Warmup, ScheduleParameter.Every, ScheduleParameter.Min, ScheduleParameter.Max, ScheduleParameter.Scale];

    /// <summary>The columns of <paramref name="schedule"/>, which drives <paramref name="target"/>, under <paramref name="axis"/>.</summary>
    /// <param name="axis">The column prefix, e.g. "learning_rate".</param>
    /// <exception cref="ArgumentException">A batch size whose initial value is not a whole number.</exception>
    public static IReadOnlyList<HyperparameterValue> Of(string axis, ScheduleSpec schedule, ScheduleTarget target)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var columns = new List<HyperparameterValue>();
        Append(columns, axis, schedule, target);
        return columns;
    }

    private static void Append(List<HyperparameterValue> columns, string axis, ScheduleSpec schedule, ScheduleTarget target)
    {
        columns.Add(HyperparameterValue.Text(Column(axis, FamilySegment), SpecNames.Of(schedule.Family)));
        foreach (var parameter in FamilyParameters[schedule.Family].Concat(CommonParameters))
        {
            if (parameter.Read(Column(axis, parameter.Key), schedule, target) is { } value) columns.Add(value);
        }
        if (schedule.Base is { } baseSchedule) Append(columns, Column(axis, BaseSegment), baseSchedule, target);
    }

    private static string Column(string axis, string segment) => $"{axis}.{segment}";
}
