// The words for PBT's explore step, written once: the scheduler's reason and every report format use them. Numbers
// are in the invariant culture. It does not say which trial was copied (callers add that).
using System.Globalization;
using SweepCluster.Core.Reports;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Describes how a PBT restart changed the donor's hyperparameters.</summary>
public static class ExploreDescription
{
    /// <summary>"learning rate ×1.2, weight decay ×0.8, batch size ×1.2", or "resampled from the search space (draw 17)".</summary>
    public static string Of(double learningRateFactor, double weightDecayFactor, double batchSizeFactor, int? resampleDraw) =>
        resampleDraw is { } draw
            ? string.Create(CultureInfo.InvariantCulture, $"resampled from the search space (draw {draw})")
            : string.Create(CultureInfo.InvariantCulture,
                $"learning rate ×{learningRateFactor}, weight decay ×{weightDecayFactor}, batch size ×{batchSizeFactor}");

    /// <inheritdoc cref="Of(double, double, double, int?)"/>
    public static string Of(ExploitEvent exploit)
    {
        ArgumentNullException.ThrowIfNull(exploit);
        return Of(exploit.LearningRateFactor, exploit.WeightDecayFactor, exploit.BatchSizeFactor, exploit.ResampleDraw);
    }
}
