using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>
/// v(t) = v0·(1 + α·t)^(−β): the seed's "exponential decay" η0·(1 − α·iter)^(−β) with the sign of α flipped so a
/// positive α decays. A negative β makes the value grow (the seed's growing batch size).
/// </summary>
public sealed class InverseTimeSchedule(double initial, double alpha, double beta, ScheduleClock clock) : Schedule(clock)
{
    public override double ValueAt(long t) => initial * Math.Pow(1.0 + alpha * t, -beta);
}
