// One trial's epochs, reduced to what its learning curve needs: the epoch, the sweep metric, the training and
// validation loss. NaN is missing (null).
namespace SweepCluster.Core.TrialPages;

/// <summary>One epoch of a trial's curve.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialHistoryPoint")]
public sealed record TrialHistoryPoint(
    [property: Id(0)] int Epoch,
    [property: Id(1)] double? Metric,
    [property: Id(2)] double? TrainLoss,
    [property: Id(3)] double? ValLoss);

/// <summary>A trial's epochs, in order.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialHistory")]
public sealed record TrialHistory(
    [property: Id(0)] string SweepId,
    [property: Id(1)] int Trial,
    [property: Id(2)] MetricSpec Metric,
    [property: Id(3)] IReadOnlyList<TrialHistoryPoint> Epochs)
{
    /// <summary>The points of <paramref name="epochs"/> under <paramref name="metric"/>.</summary>
    public static TrialHistory Of(string sweepId, int trial, MetricSpec metric, IEnumerable<EpochRecord> epochs)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(epochs);
        return new TrialHistory(sweepId, trial, metric, epochs.OrderBy(e => e.Epoch)
            .Select(e => new TrialHistoryPoint(e.Epoch, Finite(metric.ValueOf(e)), Finite(e.TrainLoss), Finite(e.ValLoss))).ToArray());
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
