// The study tables' contract, run against SQLite and PostgreSQL alike: sweeps, trials with typed hyperparameter
// columns, epochs, upserts that never duplicate, deletes that remove every row, and what a plain SQL reader sees.
using SweepCluster.Core;
using SweepCluster.Store;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Schema;
using SweepCluster.Store.Study;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Contract;

public abstract class StudyTablesContract : StoreContract
{
    [Fact]
    public async Task A_new_store_has_the_current_schema_version_and_opening_it_again_changes_nothing()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));

        var again = await OpenAsync(location);

        Assert.Equal(SchemaMigrations.All.Count, store.SchemaVersion);
        Assert.Equal(SchemaMigrations.All.Count, again.SchemaVersion);
        Assert.Equal((long)SchemaMigrations.All.Count, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM sweepcluster_schema"));
        Assert.Equal(["s1"], (await again.ListSweepsAsync()).Select(sweep => sweep.Id));
    }

    [Fact]
    public async Task A_sweep_round_trips_and_an_upsert_replaces_its_row()
    {
        var (store, _) = await NewStoreAsync();
        var sweep = SampleRows.Sweep("s1");

        await store.UpsertSweepAsync(sweep);
        var read = await store.GetSweepAsync("s1");
        var finished = sweep with { Status = SweepStatus.Completed, Finished = SampleRows.Created.AddMinutes(3), Name = "renamed" };
        await store.UpsertSweepAsync(finished);

        Assert.Equal(sweep, read);
        Assert.Equal(finished, await store.GetSweepAsync("s1"));
        Assert.Single(await store.ListSweepsAsync());
        Assert.Null(await store.GetSweepAsync("missing"));
    }

    [Fact]
    public async Task Sweeps_are_listed_newest_first()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("middle", SampleRows.Created.AddHours(1)));
        await store.UpsertSweepAsync(SampleRows.Sweep("oldest", SampleRows.Created));
        await store.UpsertSweepAsync(SampleRows.Sweep("newest", SampleRows.Created.AddDays(1)));

        Assert.Equal(["newest", "middle", "oldest"], (await store.ListSweepsAsync()).Select(sweep => sweep.Id));
    }

    [Fact]
    public async Task Setting_a_status_changes_only_the_status_and_end_time()
    {
        var (store, _) = await NewStoreAsync();
        var sweep = SampleRows.Sweep("s1");
        await store.UpsertSweepAsync(sweep);
        var end = SampleRows.Created.AddHours(2);

        Assert.True(await store.SetSweepStatusAsync("s1", SweepStatus.Cancelled, end));
        Assert.False(await store.SetSweepStatusAsync("missing", SweepStatus.Cancelled, end));
        Assert.Equal(sweep with { Status = SweepStatus.Cancelled, Finished = end }, await store.GetSweepAsync("s1"));
    }

    [Fact]
    public async Task Trials_round_trip_with_their_hyperparameter_columns()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var trials = Enumerable.Range(0, 12).Select(i => SampleRows.Trial("s1", i)).ToList();
        trials[3] = trials[3] with { Status = TrialStatus.Pruned, PrunedAtEpoch = 3, PbtDonor = 7, FinalMetric = null, WallSeconds = null, Silo = null };

        var result = await store.WriteAsync(trials, []);
        var read = await store.ReadTrialsAsync("s1");

        Assert.Equal(new StudyWriteResult(12, 0), result);
        Assert.Equal(trials.Select(t => t.WithoutHyperparameters()), read.Select(t => t.WithoutHyperparameters()));
        Assert.Equal(trials.Select(t => t.ByColumn()), read.Select(t => t.ByColumn()));
    }

    [Fact]
    public async Task Each_hyperparameter_is_its_own_typed_column_that_plain_SQL_can_filter_on()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.WriteAsync(Enumerable.Range(0, 12).Select(i => SampleRows.Trial("s1", i)).ToList(), []);

        var cosine = await RawSql.RowsAsync(location,
            """SELECT trial, "learning_rate.initial", "learning_rate.final", "learning_rate.warmup", "batch_size.initial" FROM trials """ +
            """WHERE sweep = 's1' AND "learning_rate.schedule" = 'cosine' ORDER BY trial""");
        var constant = await RawSql.ScalarAsync(location,
            """SELECT COUNT(*) FROM trials WHERE "learning_rate.schedule" = 'constant' AND "learning_rate.alpha" IS NULL AND "learning_rate.initial" > 0.04""");

        Assert.Equal([4L, 5L, 10L, 11L], cosine.Select(row => Convert.ToInt64(row[0])));
        Assert.All(cosine, row => Assert.Equal(0.1, Assert.IsType<double>(row[1])));
        Assert.All(cosine, row => Assert.Equal(0.001, Assert.IsType<double>(row[2])));
        Assert.All(cosine, row => Assert.Equal(50L, Convert.ToInt64(row[3])));
        Assert.All(cosine, row => Assert.IsType<long>(row[4]));
        Assert.Equal(4L, Convert.ToInt64(constant));
    }

    [Fact]
    public async Task Writing_a_trial_again_updates_its_row_and_never_adds_one()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var running = SampleRows.Trial("s1", 0);
        var completed = running with { Status = TrialStatus.Completed, EpochsRun = 20, FinalMetric = 0.97, Attempts = 2 };

        await store.WriteAsync([running], []);
        await store.WriteAsync([running], []);
        await store.WriteAsync([completed], []);

        Assert.Equal(1L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
        Assert.Equal(completed.WithoutHyperparameters(), Assert.Single(await store.ReadTrialsAsync("s1")).WithoutHyperparameters());
    }

    [Fact]
    public async Task A_trial_whose_schedule_family_changed_keeps_no_parameter_of_the_old_family()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var cosine = SampleRows.Trial("s1", 4);
        var constant = cosine with { Hyperparameters = HyperparameterColumns.Of(SampleRows.Spec(0)) };

        await store.WriteAsync([cosine], []);
        await store.WriteAsync([constant], []);

        var read = Assert.Single(await store.ReadTrialsAsync("s1"));
        Assert.Equal(constant.ByColumn(), read.ByColumn());
        Assert.DoesNotContain("learning_rate.final", read.ByColumn().Keys);
    }

    [Fact]
    public async Task Each_sweep_reads_back_only_its_own_hyperparameter_columns_in_the_order_it_wrote_them()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("lr"));
        await store.UpsertSweepAsync(SampleRows.Sweep("opt"));
        var optimizerRow = new TrialRow("opt", 0, 0, 1, TrialStatus.Pending)
        {
            Hyperparameters = HyperparameterColumns.Of(new Core.Specs.TrialSpec(), ["optimizer.type", "optimizer.momentum"]),
        };

        await store.WriteAsync([SampleRows.Trial("lr", 0), optimizerRow], []);
        await store.WriteAsync([SampleRows.Trial("lr", 2)], []);

        Assert.Equal(
            ["learning_rate.schedule", "learning_rate.initial", "learning_rate.warmup", "weight_decay.schedule", "weight_decay.initial",
             "weight_decay.warmup", "batch_size.schedule", "batch_size.initial", "batch_size.warmup", "learning_rate.alpha", "learning_rate.beta"],
            (await store.GetHyperparameterColumnsAsync("lr")).Select(column => column.Name));
        Assert.Equal(
            [new HyperparameterColumn("optimizer.type", ColumnType.Text), new HyperparameterColumn("optimizer.momentum", ColumnType.Real)],
            await store.GetHyperparameterColumnsAsync("opt"));
        Assert.Equal(optimizerRow.ByColumn(), Assert.Single(await store.ReadTrialsAsync("opt")).ByColumn());
    }

    [Fact]
    public async Task Column_names_with_quotes_and_spaces_are_quoted_correctly()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var odd = new TrialRow("s1", 0, 0, 1, TrialStatus.Pending)
        {
            Hyperparameters = [HyperparameterValue.Real("a \"quoted\" name; DROP TABLE trials", 1.5), HyperparameterValue.Text("select", "from")],
        };

        await store.WriteAsync([odd], []);

        Assert.Equal(odd.ByColumn(), Assert.Single(await store.ReadTrialsAsync("s1")).ByColumn());
        Assert.Equal(1.5, await RawSql.ScalarAsync(location, "SELECT \"a \"\"quoted\"\" name; DROP TABLE trials\" FROM trials"));
    }

    [Fact]
    public async Task A_hyperparameter_named_like_a_fixed_column_or_given_twice_is_refused_before_anything_is_written()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var fixedName = new TrialRow("s1", 0, 0, 1, TrialStatus.Pending) { Hyperparameters = [HyperparameterValue.Text("status", "x")] };
        var twice = new TrialRow("s1", 1, 0, 1, TrialStatus.Pending)
        {
            Hyperparameters = [HyperparameterValue.Real("learning_rate.initial", 0.1), HyperparameterValue.Real("learning_rate.initial", 0.2)],
        };

        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync([SampleRows.Trial("s1", 5), fixedName], []));
        await Assert.ThrowsAsync<ArgumentException>(() => store.WriteAsync([twice], []));

        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
    }

    [Fact]
    public async Task Writing_an_epoch_again_replaces_it_so_a_resumed_trial_has_no_duplicate_epochs()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var firstRun = Enumerable.Range(1, 5).Select(e => SampleRows.Epoch("s1", 0, e)).ToList();
        var resumed = Enumerable.Range(3, 5).Select(e => SampleRows.Epoch("s1", 0, e, trainLoss: 9.0)).ToList();

        await store.WriteAsync([], firstRun);
        await store.WriteAsync([], resumed);

        var read = await store.ReadEpochsAsync("s1");
        Assert.Equal(7L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM epochs"));
        Assert.Equal(firstRun.Take(2).Concat(resumed), read);
    }

    [Fact]
    public async Task Epochs_are_read_per_sweep_or_per_trial_in_trial_then_epoch_order()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.UpsertSweepAsync(SampleRows.Sweep("s2"));
        var epochs = new[] { SampleRows.Epoch("s1", 1, 2), SampleRows.Epoch("s1", 0, 1), SampleRows.Epoch("s1", 1, 1), SampleRows.Epoch("s2", 0, 1) };

        await store.WriteAsync([], epochs);

        Assert.Equal([epochs[1], epochs[2], epochs[0]], await store.ReadEpochsAsync("s1"));
        Assert.Equal([epochs[2], epochs[0]], await store.ReadEpochsAsync("s1", trial: 1));
        Assert.Equal([epochs[3]], await store.ReadEpochsAsync("s2"));
    }

    [Fact]
    public async Task A_diverged_epoch_stores_its_NaN_loss_as_NULL_and_reads_it_back_as_NaN()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var diverged = SampleRows.Epoch("s1", 0, 1) with
        {
            Record = SampleRows.Epoch("s1", 0, 1).Record with { TrainLoss = double.NaN, ValLoss = double.PositiveInfinity },
        };

        await store.WriteAsync([], [diverged]);

        var read = Assert.Single(await store.ReadEpochsAsync("s1")).Record;
        Assert.True(double.IsNaN(read.TrainLoss));
        Assert.Equal(double.PositiveInfinity, read.ValLoss);
        Assert.Null(await RawSql.ScalarAsync(location, "SELECT train_loss FROM epochs"));
    }

    [Fact]
    public async Task Deleting_a_sweep_removes_all_its_rows_and_leaves_other_sweeps_alone()
    {
        var (store, location) = await NewStoreAsync();
        foreach (var id in new[] { "gone", "kept" })
        {
            await store.UpsertSweepAsync(SampleRows.Sweep(id));
            await store.WriteAsync([SampleRows.Trial(id, 0), SampleRows.Trial(id, 1)], [SampleRows.Epoch(id, 0, 1), SampleRows.Epoch(id, 1, 1)]);
        }

        Assert.True(await store.DeleteSweepAsync("gone"));
        Assert.False(await store.DeleteSweepAsync("gone"));

        foreach (var table in new[] { "trials", "epochs", "sweep_hyperparameters" })
        {
            Assert.Equal(0L, await RawSql.CountAsync(location, $"SELECT COUNT(*) FROM {table} WHERE sweep = 'gone'"));
            Assert.NotEqual(0L, await RawSql.CountAsync(location, $"SELECT COUNT(*) FROM {table} WHERE sweep = 'kept'"));
        }
        Assert.Null(await store.GetSweepAsync("gone"));
        Assert.Equal(2, (await store.ReadTrialsAsync("kept")).Count);
    }

    [Fact]
    public async Task Rows_of_a_deleted_or_unknown_sweep_are_skipped_and_never_come_back()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await store.DeleteSweepAsync("s1");

        var result = await store.WriteAsync([SampleRows.Trial("s1", 0), SampleRows.Trial("never", 0)], [SampleRows.Epoch("s1", 0, 1)]);

        Assert.Equal(new StudyWriteResult(0, 3), result);
        Assert.Equal(0L, await RawSql.CountAsync(location, "SELECT (SELECT COUNT(*) FROM trials) + (SELECT COUNT(*) FROM epochs) + (SELECT COUNT(*) FROM sweep_hyperparameters)"));
    }
}
