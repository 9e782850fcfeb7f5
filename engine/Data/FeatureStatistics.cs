// Per-feature mean and population standard deviation of a dataset's inputs, and the mean squared row norm
// E‖x‖² = (1/rows)·Σᵢ Σⱼ xᵢⱼ², all accumulated in double (two passes: mean, then squared deviations).
// Deliberately does not: transform data (Standardizer does), or look at labels and targets.
namespace SweepCluster.Engine.Data;

/// <summary>Statistics of a dataset's inputs.</summary>
/// <param name="Mean">Per-feature mean.</param>
/// <param name="Std">Per-feature population standard deviation (divides by rows, not rows − 1); 0 for a constant feature.</param>
/// <param name="MeanSquaredNorm">E‖x‖²: the mean over rows of the squared Euclidean norm of the input row.</param>
public sealed record FeatureStatistics(IReadOnlyList<double> Mean, IReadOnlyList<double> Std, double MeanSquaredNorm)
{
    /// <summary>Computes the statistics of <paramref name="data"/>'s inputs.</summary>
    /// <exception cref="ArgumentException">The dataset has no rows.</exception>
    public static FeatureStatistics Compute(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Rows == 0) throw new ArgumentException("statistics need at least one row", nameof(data));

        var features = data.Features;
        var mean = new double[features];
        var squaredNorms = 0.0;
        for (var row = 0; row < data.Rows; row++)
        {
            var x = data.Row(row);
            for (var j = 0; j < features; j++)
            {
                mean[j] += x[j];
                squaredNorms += (double)x[j] * x[j];
            }
        }
        for (var j = 0; j < features; j++) mean[j] /= data.Rows;

        var variance = new double[features];
        for (var row = 0; row < data.Rows; row++)
        {
            var x = data.Row(row);
            for (var j = 0; j < features; j++)
            {
                var deviation = x[j] - mean[j];
                variance[j] += deviation * deviation;
            }
        }
        var std = new double[features];
        for (var j = 0; j < features; j++) std[j] = Math.Sqrt(variance[j] / data.Rows);

        return new FeatureStatistics(mean, std, squaredNorms / data.Rows);
    }
}
