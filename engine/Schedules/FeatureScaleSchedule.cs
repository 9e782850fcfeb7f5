// Adaptive policy (4), driven by feature statistics of the training data:
//   lr(t) = base(t) · d / E‖x‖²      (d input features, E‖x‖² the mean squared norm of the training inputs).
// Why it is sound: the first layer's loss Hessian scales with E[x xᵀ], whose largest eigenvalue is at most its
// trace E‖x‖²; gradient descent is stable only for lr below 2/λ_max. Normalising by E‖x‖²/d keeps the effective
// step the same whatever the inputs' scale — unit-variance inputs (E‖x‖² = d) keep the base rate exactly, while raw
// pixel values (digits: 0..16) get a proportionally smaller rate instead of diverging.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>The base schedule's value times a data-derived constant d / E‖x‖².</summary>
public sealed class FeatureScaleSchedule(Schedule baseSchedule, double featureScale) : Schedule(baseSchedule.Clock)
{
    /// <summary>d / E‖x‖² of the training inputs.</summary>
    public double FeatureScale => featureScale;

    public override double ValueAt(long t) => baseSchedule.ValueAt(t) * featureScale;
}
