// Adaptive policy (3), driven by the model's complexity: a per-layer learning rate scaled by the layer's fan-in,
//   lr_l(t) = base(t) · (reference / fan_in_l)^p     (reference defaults to the first layer's fan-in).
// Why it is sound: one update changes a unit's pre-activation by a sum of fan_in terms, so with one global rate the
// per-unit change grows with fan-in and wide layers move fastest. Scaling by fan_in^(−p) equalises it: p = 1/2
// matches the 1/sqrt(fan_in) scaling of He/LeCun initialisation for SGD, p = 1 the μP-style rule for Adam.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>The base schedule's value, with a fixed multiplier per layer derived from its fan-in.</summary>
public sealed class FanInSchedule : Schedule
{
    private readonly Schedule _base;
    private readonly double[] _multipliers;

    public FanInSchedule(Schedule baseSchedule, IReadOnlyList<int> fanIns, double power, double? reference)
        : base(baseSchedule.Clock)
    {
        if (fanIns.Count == 0) throw new ArgumentException("fan_in schedule needs at least one layer.", nameof(fanIns));
        _base = baseSchedule;
        var referenceFanIn = reference ?? fanIns[0];
        _multipliers = fanIns.Select(f => Math.Pow(referenceFanIn / f, power)).ToArray();
    }

    public override double ValueAt(long t) => _base.ValueAt(t);

    public override double LayerMultiplier(int layer) => _multipliers[layer];
}
