using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>v(t) = v0·γ^t.</summary>
public sealed class ExponentialSchedule(double initial, double gamma, ScheduleClock clock) : Schedule(clock)
{
    public override double ValueAt(long t) => initial * Math.Pow(gamma, t);
}
