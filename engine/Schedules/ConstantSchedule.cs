using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>v(t) = v0.</summary>
public sealed class ConstantSchedule(double initial, ScheduleClock clock) : Schedule(clock)
{
    public override double ValueAt(long t) => initial;
}
