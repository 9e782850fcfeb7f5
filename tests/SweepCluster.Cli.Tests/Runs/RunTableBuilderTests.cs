// The run tables built from store rows, without a store: columns in the store's words and order, the sweep's
// hyperparameter columns typed as stored (null where a trial has no value), NaN kept as missing, epochs in key order.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Cli.Tests.Runs;

public sealed class RunTableBuilderTests
{
    private static readonly HyperparameterColumn[] Columns =
    [
        new("learning_rate.schedule", ColumnType.Text),
        new("learning_rate.initial", ColumnType.Real),
        new("learning_rate.final", ColumnType.Real),
        new("batch_size.initial", ColumnType.Integer),
    ];

    private static TrialRow Trial(int index, string schedule, double? final) => new("s1", index, index / 2, index % 2 + 1, TrialStatus.Completed)
    {
        Hyperparameters =
        [
            HyperparameterValue.Text("learning_rate.schedule", schedule),
            HyperparameterValue.Real("learning_rate.initial", 0.1),
            .. final is { } f ? [HyperparameterValue.Real("learning_rate.final", f)] : Array.Empty<HyperparameterValue>(),
            HyperparameterValue.Integer("batch_size.initial", 32),
        ],
        FinalMetric = 0.9, BestMetric = double.NaN, BestEpoch = 2, EpochsRun = 3, WallSeconds = 1.5, Silo = "silo-a", Attempts = 1, PbtDonor = 4,
    };

    [Fact]
    public void Trials_have_identity_then_the_sweeps_hyperparameters_then_results()
    {
        var table = TrialRunTable.Build(Columns, [Trial(0, "constant", null), Trial(1, "cosine", 0.001)]);

        Assert.Equal(
            ["trial", "combination", "seed", "status", "learning_rate.schedule", "learning_rate.initial", "learning_rate.final", "batch_size.initial",
             "final_metric", "best_metric", "best_epoch", "epochs_run", "wall_seconds", "silo", "attempts", "pruned_at_epoch", "pbt_donor", "finished"],
            table.Columns.Select(c => c.Name));
        Assert.Equal([RunValueType.Text, RunValueType.Real, RunValueType.Real, RunValueType.Integer], table.Columns.Skip(4).Take(4).Select(c => c.Type));
        Assert.Equal([1L, 0L, 2L, "completed", "cosine", 0.1, 0.001, 32L], table.Rows[1].Take(8));
    }

    [Fact]
    public void A_parameter_a_trial_does_not_use_and_a_NaN_are_null()
    {
        var row = TrialRunTable.Build(Columns, [Trial(0, "constant", null)]).Rows[0];

        Assert.Null(row[6]);
        Assert.Null(row[9]);
        Assert.Null(row[15]);
        Assert.Equal(4L, row[16]);
        Assert.Null(row[17]);
    }

    [Fact]
    public void The_finish_time_is_ISO_8601_UTC_text_that_sorts_in_time_order()
    {
        var earlier = Trial(0, "constant", null) with { Finished = new DateTimeOffset(2026, 12, 6, 23, 59, 58, 500, TimeSpan.FromHours(2)) };
        var later = Trial(1, "constant", null) with { Finished = new DateTimeOffset(2026, 12, 6, 22, 0, 0, TimeSpan.Zero) };

        var rows = TrialRunTable.Build(Columns, [earlier, later]).Rows;

        Assert.Equal(["2026-12-06T21:59:58.500000Z", "2026-12-06T22:00:00.000000Z"], rows.Select(r => (string)r[17]!));
    }

    [Fact]
    public void History_is_one_row_per_trial_and_epoch_in_key_order_with_NaN_as_null()
    {
        EpochRow Epoch(int trial, int epoch, double trainLoss) =>
            new("s1", trial, new EpochRecord(epoch, epoch * 10L, trainLoss, 0.5, 0.4, 0.8, null, 0.1, 1e-4, 32));

        var table = HistoryRunTable.Build([Epoch(1, 1, 0.7), Epoch(0, 2, double.NaN), Epoch(0, 1, 0.9)]);

        Assert.Equal([(0L, 1L), (0L, 2L), (1L, 1L)], table.Rows.Select(r => ((long)r[0]!, (long)r[1]!)));
        Assert.Null(table.Rows[1][3]);
        Assert.Null(table.Rows[0][7]);
        Assert.Equal([10L, 0.9, 0.5, 0.4, 0.8], table.Rows[0].Skip(2).Take(5));
        Assert.Equal(32L, table.Rows[0][10]);
    }
}
