using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>
/// v(t) = v0·γ^⌊t/step_size⌋ (StepLR), or with milestones v0·γ^(number of milestones ≤ t) (MultiStepLR).
/// </summary>
public sealed class StepSchedule : Schedule
{
    private readonly double _initial;
    private readonly double _gamma;
    private readonly long _stepSize;
    private readonly long[] _milestones;

    public StepSchedule(double initial, double gamma, long stepSize, IReadOnlyList<long> milestones, ScheduleClock clock)
        : base(clock)
    {
        if (stepSize <= 0 && milestones.Count == 0)
            throw new ArgumentException("step schedule needs step_size > 0 or milestones.");
        _initial = initial;
        _gamma = gamma;
        _stepSize = stepSize;
        _milestones = milestones.ToArray();
    }

    public override double ValueAt(long t)
    {
        var decays = _milestones.Length > 0 ? _milestones.Count(m => m <= t) : t / _stepSize;
        return _initial * Math.Pow(_gamma, decays);
    }
}
