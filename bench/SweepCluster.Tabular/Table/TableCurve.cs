// One recorded training run of the table: a configuration on a dataset under one seed, epoch by epoch.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Table;

/// <summary>
/// The learning curve of one configuration on one dataset under one seed. Index e holds epoch e + 1. A diverged run
/// ends at the epoch it diverged in, which records metric 0 (the worst accuracy), loss NaN and the epoch's planned
/// steps; nothing is recorded after it.
/// </summary>
/// <param name="Metric">Validation accuracy after each epoch (higher is better).</param>
/// <param name="Loss">Validation loss after each epoch.</param>
/// <param name="Steps">Optimizer steps of each epoch: the table's deterministic cost of the epoch.</param>
public sealed record TableCurve(string Dataset, TableConfiguration Configuration, int Seed, CurveEnd End,
    IReadOnlyList<double> Metric, IReadOnlyList<double> Loss, IReadOnlyList<int> Steps)
{
    /// <summary>Epochs recorded (the table's epoch budget unless the run diverged).</summary>
    public int Epochs => Metric.Count;

    /// <summary>The metric after the last recorded epoch (0 for a diverged run).</summary>
    public double Final => Metric[^1];
}
