// The batching writer's contract, run against both engines: rows are readable by another connection (no SweepCluster
// code) once flushed, while the writer is still open; a full batch or the interval writes without a flush; a row
// added twice is written once with its last state; two writers on one store lose nothing.
using SweepCluster.Core;
using SweepCluster.Store;
using SweepCluster.Store.Study;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Contract;

public abstract class StudyWriterContract : StoreContract
{
    /// <summary>A batch and interval that never fire by themselves during a test.</summary>
    private static readonly StudyWriterOptions FlushOnly = new() { BatchRows = 1_000_000, FlushInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task Flushed_rows_are_immediately_readable_by_another_connection_while_the_sweep_runs()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(FlushOnly);

        for (var trial = 0; trial < 50; trial++)
        {
            writer.Add(SampleRows.Trial("s1", trial));
            for (var epoch = 1; epoch <= 4; epoch++) writer.Add(SampleRows.Epoch("s1", trial, epoch));
        }
        await writer.FlushAsync();

        Assert.Equal(50L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials WHERE sweep = 's1'"));
        Assert.Equal(200L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM epochs WHERE sweep = 's1'"));
        Assert.Equal(new StudyWriterStatistics(1, 250, 0, 0, 0), writer.Statistics);
    }

    [Fact]
    public async Task A_row_added_again_before_it_is_written_is_written_once_with_its_last_state()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(FlushOnly);
        var trial = SampleRows.Trial("s1", 0, TrialStatus.Pending);

        writer.Add(trial);
        writer.Add(trial with { Status = TrialStatus.Running });
        writer.Add(trial with { Status = TrialStatus.Completed, EpochsRun = 9 });
        writer.Add(SampleRows.Epoch("s1", 0, 1));
        writer.Add(SampleRows.Epoch("s1", 0, 1, trainLoss: 3.0));
        await writer.FlushAsync();

        Assert.Equal(2L, writer.Statistics.RowsWritten);
        Assert.Equal(TrialStatus.Completed, Assert.Single(await store.ReadTrialsAsync("s1")).Status);
        Assert.Equal(3.0, Assert.Single(await store.ReadEpochsAsync("s1")).Record.TrainLoss);
        Assert.Equal(1L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM epochs"));
    }

    [Fact]
    public async Task A_full_batch_is_written_without_a_flush_one_transaction_per_batch()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(new StudyWriterOptions { BatchRows = 10, FlushInterval = TimeSpan.FromHours(1) });

        for (var epoch = 1; epoch <= 10; epoch++) writer.Add(SampleRows.Epoch("s1", 0, epoch));

        await Eventually.HoldsAsync(async () => await RawSql.CountAsync(location, "SELECT COUNT(*) FROM epochs") == 10, "a full batch written");
        await Eventually.HoldsAsync(() => Task.FromResult(writer.Statistics.Transactions == 1), "its transaction counted");
        Assert.Equal(new StudyWriterStatistics(1, 10, 0, 0, 0), writer.Statistics);
    }

    [Fact]
    public async Task Waiting_rows_are_written_after_the_interval_without_a_flush()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(new StudyWriterOptions { BatchRows = 1000, FlushInterval = TimeSpan.FromMilliseconds(50) });

        writer.Add(SampleRows.Trial("s1", 0));

        await Eventually.HoldsAsync(async () => await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials") == 1, "the interval's write");
    }

    [Fact]
    public async Task Disposing_the_writer_writes_what_it_still_holds()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        var writer = store.CreateWriter(FlushOnly);
        for (var trial = 0; trial < 7; trial++) writer.Add(SampleRows.Trial("s1", trial));

        await writer.DisposeAsync();

        Assert.Equal(7L, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
        Assert.Throws<ObjectDisposedException>(() => writer.Add(SampleRows.Trial("s1", 8)));
    }

    [Fact]
    public async Task More_rows_than_a_batch_are_written_in_several_transactions()
    {
        var (store, location) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep("s1"));
        await using var writer = store.CreateWriter(new StudyWriterOptions { BatchRows = 100, FlushInterval = TimeSpan.FromHours(1) });

        for (var trial = 0; trial < 120; trial++)
        {
            writer.Add(SampleRows.Trial("s1", trial));
            writer.Add(SampleRows.Epoch("s1", trial, 1));
        }
        await writer.FlushAsync();

        Assert.Equal(240L, await RawSql.CountAsync(location, "SELECT (SELECT COUNT(*) FROM trials) + (SELECT COUNT(*) FROM epochs)"));
        Assert.Equal(240L, writer.Statistics.RowsWritten);
        Assert.True(writer.Statistics.Transactions >= 3, $"{writer.Statistics.Transactions} transactions for 240 rows in batches of 100");
    }

    [Fact]
    public async Task Rows_of_an_unknown_sweep_are_counted_as_skipped()
    {
        var (store, _) = await NewStoreAsync();
        await using var writer = store.CreateWriter(FlushOnly);

        writer.Add(SampleRows.Trial("nobody", 0));
        await writer.FlushAsync();

        Assert.Equal(new StudyWriterStatistics(1, 0, 1, 0, 0), writer.Statistics);
    }

    [Fact]
    public async Task A_bad_row_is_refused_when_added_not_when_its_batch_is_written()
    {
        var (store, _) = await NewStoreAsync();
        await using var writer = store.CreateWriter(FlushOnly);

        Assert.Throws<ArgumentException>(() => writer.Add(SampleRows.Trial("s1", 0) with
        {
            Hyperparameters = [Store.Hyperparameters.HyperparameterValue.Integer("trial", 3)],
        }));
        Assert.Equal(0, writer.Statistics.Pending);
    }

    [Fact]
    public async Task Two_writers_on_one_store_from_two_connections_pools_lose_nothing()
    {
        var location = await NewLocationAsync();
        var first = await OpenAsync(location);
        var second = await OpenAsync(location);
        await first.UpsertSweepAsync(SampleRows.Sweep("s1"));
        const int trialsEach = 300;
        var small = new StudyWriterOptions { BatchRows = 25, FlushInterval = TimeSpan.FromMilliseconds(5) };

        async Task WriteAsync(StudyStore store, int from)
        {
            await using var writer = store.CreateWriter(small);
            for (var trial = from; trial < from + trialsEach; trial++)
            {
                writer.Add(SampleRows.Trial("s1", trial));
                writer.Add(SampleRows.Epoch("s1", trial, 1));
                writer.Add(SampleRows.Epoch("s1", trial, 2));
                if (trial % 50 == 0) await Task.Yield();
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAsync(first, 0)), Task.Run(() => WriteAsync(second, trialsEach)));

        Assert.Equal(2L * trialsEach, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM trials"));
        Assert.Equal(4L * trialsEach, await RawSql.CountAsync(location, "SELECT COUNT(*) FROM epochs"));
        Assert.Equal(Enumerable.Range(0, 2 * trialsEach), (await second.ReadTrialsAsync("s1")).Select(trial => trial.Trial));
    }
}
