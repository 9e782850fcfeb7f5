// One parameter of a schedule as a column: its spec key ("alpha"), which is the column's last segment, and how to read
// it from a ScheduleSpec (null: not set, no value written). Integers (warmup, step_size, patience, cooldown, and a
// batch size's initial value) are Integer columns; milestones and every are Text; the rest are Real.
using System.Globalization;
using SweepCluster.Core.Specs;

namespace SweepCluster.Store.Hyperparameters;

/// <summary>A schedule parameter that becomes a column.</summary>
/// <param name="Key">The spec key, the column's last segment.</param>
/// <param name="Read">(column name, schedule, what it drives) → the value, or null when the schedule leaves it unset.</param>
internal sealed record ScheduleParameter(string Key, Func<string, ScheduleSpec, ScheduleTarget, HyperparameterValue?> Read)
{
    public static readonly ScheduleParameter Initial = new("initial", (column, s, target) =>
        target == ScheduleTarget.BatchSize
            ? HyperparameterValue.Integer(column, WholeBatchSize(s.Initial))
            : HyperparameterValue.Real(column, s.Initial));

    public static readonly ScheduleParameter Final = Real("final", s => s.Final);
    public static readonly ScheduleParameter Alpha = Real("alpha", s => s.Alpha);
    public static readonly ScheduleParameter Beta = Real("beta", s => s.Beta);
    public static readonly ScheduleParameter Gamma = Real("gamma", s => s.Gamma);
    public static readonly ScheduleParameter Factor = Real("factor", s => s.Factor);
    public static readonly ScheduleParameter Threshold = Real("threshold", s => s.Threshold);
    public static readonly ScheduleParameter Smoothing = Real("smoothing", s => s.Smoothing);
    public static readonly ScheduleParameter Power = Real("power", s => s.Power);
    public static readonly ScheduleParameter Reference = OptionalReal("reference", s => s.Reference);
    public static readonly ScheduleParameter Patience = Integer("patience", s => s.Patience);
    public static readonly ScheduleParameter Cooldown = Integer("cooldown", s => s.Cooldown);

    /// <summary>step: the period, when no milestones are given.</summary>
    public static readonly ScheduleParameter StepSize = new("step_size", (column, s, _) =>
        s.Milestones.Count == 0 ? HyperparameterValue.Integer(column, s.StepSize) : null);

    /// <summary>step: the milestones as text, "[30, 60]", when given.</summary>
    public static readonly ScheduleParameter Milestones = new("milestones", (column, s, _) =>
        s.Milestones.Count > 0
            ? HyperparameterValue.Text(column, $"[{string.Join(", ", s.Milestones.Select(m => m.ToString(CultureInfo.InvariantCulture)))}]")
            : null);

    // Common to every family: warmup always (0 = none); the clock and the clamps only when the spec sets them.
    public static readonly ScheduleParameter Warmup = Integer("warmup", s => s.Warmup);
    public static readonly ScheduleParameter Every = new("every", (column, s, _) =>
        s.Every is { } clock ? HyperparameterValue.Text(column, SpecNames.Of(clock)) : null);
    public static readonly ScheduleParameter Min = OptionalReal("min", s => s.Min);
    public static readonly ScheduleParameter Max = OptionalReal("max", s => s.Max);

    /// <summary>Population-based training's multiplier on the whole schedule, once it has perturbed the trial.</summary>
    public static readonly ScheduleParameter Scale = OptionalReal("scale", s => s.Scale);

    private static ScheduleParameter Real(string key, Func<ScheduleSpec, double> read) =>
        new(key, (column, s, _) => HyperparameterValue.Real(column, read(s)));

    private static ScheduleParameter OptionalReal(string key, Func<ScheduleSpec, double?> read) =>
        new(key, (column, s, _) => read(s) is { } value ? HyperparameterValue.Real(column, value) : null);

    private static ScheduleParameter Integer(string key, Func<ScheduleSpec, long> read) =>
        new(key, (column, s, _) => HyperparameterValue.Integer(column, read(s)));

    private static long WholeBatchSize(double initial) =>
        double.IsFinite(initial) && Math.Floor(initial) == initial
            ? (long)initial
            : throw new ArgumentException($"a batch size must be a whole number, found {initial.ToString(CultureInfo.InvariantCulture)}");
}
