using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>
/// v(t) = (v0 − final)·(1 − t/T)^β + final: the seed's "step decay" η0·(1 − iter/max_iter)^β. t/T is capped at 1
/// so a horizon that was only estimated (an adaptive batch size) never overshoots.
/// </summary>
public sealed class PolynomialSchedule(double initial, double final, double beta, long horizon, ScheduleClock clock)
    : Schedule(clock)
{
    public override double ValueAt(long t)
    {
        var progress = Math.Min(1.0, (double)t / Math.Max(1, horizon));
        return (initial - final) * Math.Pow(1.0 - progress, beta) + final;
    }
}
