// The history run table: one row per (trial, epoch), in that order, with the epochs table's columns — the step, the
// training and validation loss and metric, R² (regression), and the learning rate, weight decay and batch size applied.
// A pure function of the rows read; a NaN the store keeps as NULL stays missing.
using SweepCluster.Core.Reports;
using SweepCluster.Store.Study;

namespace SweepCluster.Hosting.Storage;

/// <summary>Builds the history <see cref="RunTable"/> from epochs-table rows.</summary>
public static class HistoryRunTable
{
    private static readonly IReadOnlyList<(RunColumn Column, Func<EpochRow, object?> Cell)> Columns =
    [
        (new("trial", RunValueType.Integer), row => (long)row.Trial),
        (new("epoch", RunValueType.Integer), row => (long)row.Record.Epoch),
        (new("step", RunValueType.Integer), row => row.Record.Step),
        (new("train_loss", RunValueType.Real), row => Real(row.Record.TrainLoss)),
        (new("train_metric", RunValueType.Real), row => Real(row.Record.TrainMetric)),
        (new("val_loss", RunValueType.Real), row => Real(row.Record.ValLoss)),
        (new("val_metric", RunValueType.Real), row => Real(row.Record.ValMetric)),
        (new("val_r2", RunValueType.Real), row => Real(row.Record.ValR2)),
        (new("learning_rate", RunValueType.Real), row => Real(row.Record.LearningRate)),
        (new("weight_decay", RunValueType.Real), row => Real(row.Record.WeightDecay)),
        (new("batch_size", RunValueType.Integer), row => (long)row.Record.BatchSize),
    ];

    /// <summary>The table of <paramref name="epochs"/>, sorted by trial then epoch.</summary>
    public static RunTable Build(IReadOnlyList<EpochRow> epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var rows = epochs.OrderBy(e => e.Trial).ThenBy(e => e.Record.Epoch)
            .Select(epoch => (IReadOnlyList<object?>)Columns.Select(c => c.Cell(epoch)).ToArray())
            .ToArray();
        return new RunTable(Columns.Select(c => c.Column).ToArray(), rows);
    }

    private static object? Real(double? value) => value is { } v && !double.IsNaN(v) ? v : null;
}
