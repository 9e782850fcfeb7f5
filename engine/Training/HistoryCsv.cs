// Writes a trial's per-epoch history as CSV with a header row. Invariant culture, round-trip precision, empty cells
// for values a run does not have (validation columns without a validation split, R² for classification).
using System.Globalization;
using SweepCluster.Core;

namespace SweepCluster.Engine.Training;

public static class HistoryCsv
{
    public static readonly IReadOnlyList<string> Columns =
        ["epoch", "step", "train_loss", "val_loss", "val_metric", "learning_rate", "weight_decay", "batch_size", "train_metric", "val_r2"];

    public static void Write(TextWriter writer, IEnumerable<EpochRecord> history)
    {
        writer.WriteLine(string.Join(',', Columns));
        foreach (var r in history)
        {
            string[] cells =
            [
                Format(r.Epoch), Format(r.Step), Format(r.TrainLoss), Format(r.ValLoss), Format(r.ValMetric),
                Format(r.LearningRate), Format(r.WeightDecay), Format(r.BatchSize), Format(r.TrainMetric), Format(r.ValR2),
            ];
            writer.WriteLine(string.Join(',', cells));
        }
    }

    private static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
