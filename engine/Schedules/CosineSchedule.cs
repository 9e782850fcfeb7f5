using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>v(t) = final + (v0 − final)·(1 + cos(π·t/T))/2, with t/T capped at 1 (CosineAnnealingLR's closed form).</summary>
public sealed class CosineSchedule(double initial, double final, long horizon, ScheduleClock clock) : Schedule(clock)
{
    public override double ValueAt(long t)
    {
        var progress = Math.Min(1.0, (double)t / Math.Max(1, horizon));
        return final + (initial - final) * (1.0 + Math.Cos(Math.PI * progress)) / 2.0;
    }
}
