// How a recorded training run ended.
namespace SweepCluster.Tabular.Table;

/// <summary>How a recorded run ended: all its epochs, or a divergence (loss not finite) during its last recorded epoch.</summary>
public enum CurveEnd { Completed, Diverged }
