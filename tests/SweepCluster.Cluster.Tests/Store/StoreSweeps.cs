// Helpers of the store tests: an embedded silo on a SQLite file in a temporary folder, the quickstart example, and
// waiting for what the store says (read through a connection of its own, as sqlite3 would).
using SweepCluster.Cluster.Tests.Pins;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Store;
using SweepCluster.Store.Study;

namespace SweepCluster.Cluster.Tests.Store;

public static class StoreSweeps
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The quickstart example's text (24 trials; its results are pinned in Pins/quickstart.pin.txt).</summary>
    public static string QuickstartYaml() => File.ReadAllText(Path.Combine(ExampleResultsPinTests.RepositoryRoot(), "examples", "quickstart.yaml"));

    /// <summary>An embedded silo with one slot (trials in index order, as the pins were made) on the SQLite file <paramref name="path"/>.</summary>
    public static Task<EmbeddedCluster> StartSiloAsync(string path) => EmbeddedCluster.StartAsync(1, CancellationToken.None, store: path);

    /// <summary>Reads the store at <paramref name="path"/> until <paramref name="until"/> holds for the sweep's row.</summary>
    public static async Task<SweepRow> WaitForSweepRowAsync(string path, string sweepId, Func<SweepRow, bool> until, TimeSpan timeout)
    {
        await using var store = await StudyStore.OpenAsync(new SqliteStoreLocation(path));
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var row = await store.GetSweepAsync(sweepId);
            if (row is not null && until(row)) return row;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the store's row of {sweepId} did not get there in {timeout}: {row}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The sweep's trial and epoch rows, read through a connection of their own.</summary>
    public static async Task<(IReadOnlyList<TrialRow> Trials, IReadOnlyList<EpochRow> Epochs)> ReadRowsAsync(string path, string sweepId)
    {
        await using var store = await StudyStore.OpenAsync(new SqliteStoreLocation(path));
        return (await store.ReadTrialsAsync(sweepId), await store.ReadEpochsAsync(sweepId));
    }

    /// <summary>Whether <paramref name="status"/> is a sweep's end.</summary>
    public static bool Ended(SweepRow row) => row.Status.IsTerminal() && row.Finished is not null;
}
