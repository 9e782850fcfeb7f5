// Writes a schedule in words for people: "inverse_time(0.1, α=0.01, β=0.5)", "step(0.1, γ=0.1, at [10, 50])",
// "plateau(cosine(0.1), ×0.5 after 3) warmup 100 per epoch [min 0.0001]". Sweeps use it for TrialConfiguration.Axes and
// the report for its tables. Only what tells two schedules apart is written: a parameter at its default is left out
// where the family's short form allows it. It does not parse these strings back (the spec is the record).
using System.Text;
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Describes <see cref="ScheduleSpec"/>s in words.</summary>
public static class ScheduleDescriber
{
    private static readonly ScheduleSpec Defaults = new();

    /// <summary>The schedule in words, e.g. "polynomial(0.1→0.001, β=2) warmup 100".</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="target">What it drives (decides the default clock, which is not written).</param>
    public static string Describe(ScheduleSpec schedule, ScheduleTarget target)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var text = new StringBuilder(SpecNames.Of(schedule.Family)).Append('(').Append(Arguments(schedule, target)).Append(')');
        if (schedule.Warmup != 0) text.Append(" warmup ").Append(HumanNumber.Format(schedule.Warmup));
        if (schedule.Every is { } clock && clock != DefaultClock(target)) text.Append(" per ").Append(SpecNames.Of(clock));
        var bounds = new List<string>();
        if (schedule.Min is { } min) bounds.Add($"min {HumanNumber.Format(min)}");
        if (schedule.Max is { } max) bounds.Add($"max {HumanNumber.Format(max)}");
        if (bounds.Count > 0) text.Append(" [").Append(string.Join(", ", bounds)).Append(']');
        return text.ToString();
    }

    /// <summary>The clock a target's schedules count on when <c>every</c> is not given.</summary>
    public static ScheduleClock DefaultClock(ScheduleTarget target) =>
        target == ScheduleTarget.BatchSize ? ScheduleClock.Epoch : ScheduleClock.Step;

    private static string Arguments(ScheduleSpec s, ScheduleTarget target)
    {
        var start = s.Base is { } baseSchedule ? Describe(baseSchedule, target) : N(s.Initial);
        return s.Family switch
        {
            ScheduleFamily.InverseTime => $"{start}, α={N(s.Alpha)}, β={N(s.Beta)}",
            ScheduleFamily.Exponential => $"{start}, γ={N(s.Gamma)}",
            ScheduleFamily.Polynomial => $"{start}{Final(s)}, β={N(s.Beta)}",
            ScheduleFamily.Step => s.Milestones.Count > 0
                ? $"{start}, γ={N(s.Gamma)}, at [{string.Join(", ", s.Milestones.Select(m => N(m)))}]"
                : $"{start}, γ={N(s.Gamma)}, every {N(s.StepSize)}",
            ScheduleFamily.Cosine => $"{start}{Final(s)}",
            ScheduleFamily.Plateau => $"{start}, ×{N(s.Factor)} after {N(s.Patience)}"
                + (s.Cooldown != Defaults.Cooldown ? $", cooldown {N(s.Cooldown)}" : "")
                + (s.Threshold != Defaults.Threshold ? $", threshold {N(s.Threshold)}" : ""),
            ScheduleFamily.NoiseScale => start + (s.Smoothing != Defaults.Smoothing ? $", smoothing {N(s.Smoothing)}" : ""),
            ScheduleFamily.FanIn => $"{start}, p={N(s.Power)}" + (s.Reference is { } reference ? $", reference {N(reference)}" : ""),
            _ => start, // constant, feature_scale
        };
    }

    /// <summary>"→final" when the schedule does not end at 0.</summary>
    private static string Final(ScheduleSpec s) => s.Final != 0 ? $"→{N(s.Final)}" : "";

    private static string N(double value) => HumanNumber.Format(value);
}
