// Builds the runtime Schedule for a parsed ScheduleSpec. Validation of ranges is the spec binder's job; this only
// maps families to classes and resolves defaults that depend on the target (clock) and the run (horizon).
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

public static class ScheduleFactory
{
    /// <summary>The clock a schedule runs on when the spec does not say: epochs for batch size, steps otherwise.</summary>
    public static ScheduleClock DefaultClock(ScheduleTarget target) =>
        target == ScheduleTarget.BatchSize ? ScheduleClock.Epoch : ScheduleClock.Step;

    public static Schedule Create(ScheduleSpec spec, ScheduleTarget target, ScheduleContext context)
    {
        var clock = spec.Every ?? DefaultClock(target);
        var horizon = clock == ScheduleClock.Step ? context.TotalSteps : context.Epochs;
        var schedule = CreateFamily(spec, target, context, clock, horizon);
        if (spec.Warmup > 0) schedule = new WarmupSchedule(schedule, spec.Warmup);
        return spec.Scale is { } scale && scale != 1.0 ? new ScaledSchedule(schedule, scale) : schedule;
    }

    private static Schedule CreateFamily(ScheduleSpec spec, ScheduleTarget target, ScheduleContext context, ScheduleClock clock, long horizon) =>
        spec.Family switch
        {
            ScheduleFamily.Constant => new ConstantSchedule(spec.Initial, clock),
            ScheduleFamily.InverseTime => new InverseTimeSchedule(spec.Initial, spec.Alpha, spec.Beta, clock),
            ScheduleFamily.Exponential => new ExponentialSchedule(spec.Initial, spec.Gamma, clock),
            ScheduleFamily.Polynomial => new PolynomialSchedule(spec.Initial, spec.Final, spec.Beta, horizon, clock),
            ScheduleFamily.Step => new StepSchedule(spec.Initial, spec.Gamma, spec.StepSize, spec.Milestones, clock),
            ScheduleFamily.Cosine => new CosineSchedule(spec.Initial, spec.Final, horizon, clock),
            ScheduleFamily.Plateau => new PlateauSchedule(
                BaseOf(spec, target, context, clock), spec.Factor, spec.Patience, spec.Threshold, spec.Cooldown, spec.Min ?? 0.0),
            ScheduleFamily.NoiseScale => new NoiseScaleSchedule(spec.Initial, spec.Smoothing),
            ScheduleFamily.FanIn => new FanInSchedule(BaseOf(spec, target, context, clock), context.FanIns, spec.Power, spec.Reference),
            ScheduleFamily.FeatureScale => new FeatureScaleSchedule(BaseOf(spec, target, context, clock), context.FeatureScale),
            ScheduleFamily.Recorded => new RecordedSchedule(spec.Values ?? [], spec.Layers, clock),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Family, "unknown schedule family"),
        };

    /// <summary>An adaptive policy's base: its nested <c>base</c> schedule, else a constant at <c>initial</c>.</summary>
    private static Schedule BaseOf(ScheduleSpec spec, ScheduleTarget target, ScheduleContext context, ScheduleClock clock) =>
        spec.Base is { } nested
            ? Create(nested with { Every = nested.Every ?? clock }, target, context)
            : new ConstantSchedule(spec.Initial, clock);
}
