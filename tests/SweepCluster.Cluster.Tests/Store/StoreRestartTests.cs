// A silo restarted on the SQLite store of a sweep it was running finds the sweep by itself (nothing calls its
// coordinator: the test only reads the store) and finishes it, every trial once, with results equal digit for digit
// to the pinned uninterrupted run (Pins/quickstart.pin.txt: one silo, one slot, as here).
using SweepCluster.Cluster.Tests.Pins;
using SweepCluster.Core;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cluster.Tests.Store;

public sealed class StoreRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweepcluster-restart-").FullName;

    private string StorePath => Path.Combine(_folder, "sweepcluster.db");

    [Fact]
    public async Task A_sweep_stopped_midway_resumes_by_itself_on_a_new_silo_and_gives_the_pinned_results()
    {
        const string id = "restart-quickstart";
        await using (var first = await StoreSweeps.StartSiloAsync(StorePath))
        {
            var coordinator = await SweepDriver.SubmitAsync(first.Grains, id, StoreSweeps.QuickstartYaml());
            var midway = await SweepDriver.WaitAsync(coordinator, p => p.Finished >= 5);
            Assert.True(midway.Finished < midway.TotalTrials, "the sweep ended before the silo was stopped");
        }

        await using var second = await StoreSweeps.StartSiloAsync(StorePath);
        await StoreSweeps.WaitForSweepRowAsync(StorePath, id, StoreSweeps.Ended, TimeSpan.FromMinutes(2));

        var coordinatorAfter = second.Grains.GetGrain<SweepCluster.Abstractions.ISweepCoordinatorGrain>(id);
        var report = await SweepDriver.ReportAsync(coordinatorAfter);
        var pinned = await File.ReadAllTextAsync(Path.Combine(ExampleResultsPinTests.RepositoryRoot(), "tests", "SweepCluster.Cluster.Tests", "Pins", "quickstart.pin.txt"));
        Assert.Equal(pinned.ReplaceLineEndings("\n"), ExampleResultsPinTests.PinText(report));

        var (trials, epochs) = await StoreSweeps.ReadRowsAsync(StorePath, id);
        Assert.Equal(Enumerable.Range(0, 24), trials.Select(t => t.Trial));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(24 * 20, epochs.Count);
        Assert.Equal(epochs.Count, epochs.Select(e => (e.Trial, e.Record.Epoch)).Distinct().Count());
    }

    [Fact]
    public async Task A_second_silo_on_the_same_store_is_refused_while_the_first_serves_it()
    {
        await using var first = await StoreSweeps.StartSiloAsync(StorePath);

        var refused = await Assert.ThrowsAsync<StoreException>(() => StoreSweeps.StartSiloAsync(StorePath));

        Assert.Equal(StoreErrorKind.Locked, refused.Kind);
        Assert.Contains("already served by another silo", refused.Message);
        Assert.Contains("--store", refused.Message);
        Assert.Contains(StoreLockFile.Suffix, refused.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
