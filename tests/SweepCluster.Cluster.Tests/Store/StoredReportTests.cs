// The report read from the store with no grain call (StoredSweepReport: the coordinator's stored state restored
// outside Orleans, the plotted trials' epochs from the epochs table and their applied steps from their checkpoints) is the coordinator's report, in every format:
// `sweep report` with no silo running and the live page built from the store show what the coordinator would.
using SweepCluster.Core.Reports;
using SweepCluster.Hosting.Storage;
using SweepCluster.Reporting;
using SweepCluster.Store;

namespace SweepCluster.Cluster.Tests.Store;

public sealed class StoredReportTests : IDisposable
{
    /// <summary>A SQLite file in a folder of its own, deleted with it.</summary>
    private readonly string _storePath = Path.Combine(Directory.CreateTempSubdirectory("sweepcluster-stored-report-").FullName, "sweepcluster.db");

    [Fact]
    public async Task A_finished_sweeps_report_from_the_store_is_the_coordinators_in_every_format()
    {
        const string id = "stored-report";
        await using var silo = await StoreSweeps.StartSiloAsync(_storePath);
        var coordinator = await SweepDriver.SubmitAsync(silo.Grains, id, StoreSweeps.QuickstartYaml());
        await SweepDriver.WaitForEndAsync(coordinator);
        var expected = await SweepDriver.ReportAsync(coordinator);
        await StoreSweeps.WaitForSweepRowAsync(_storePath, id, StoreSweeps.Ended, TimeSpan.FromSeconds(30));
        await silo.FlushStoreAsync();

        await using var store = await StudyStore.OpenForReadingAsync(new SqliteStoreLocation(_storePath));
        var stored = await StoredSweepReport.BuildAsync(store, StoreSerializer.Shared, id);

        Assert.NotNull(stored);
        Assert.NotEmpty(stored.TopCurves[0].History);
        Assert.NotNull(stored.TopCurves[0].Applied);  // the per-step schedules, from the trial's stored checkpoint
        foreach (var format in new[] { ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Csv, ReportFormat.Html })
            Assert.Equal(ReportRenderers.Render(expected, format), ReportRenderers.Render(stored, format));
    }

    [Fact]
    public async Task A_sweep_the_store_does_not_hold_has_no_stored_report()
    {
        await using var silo = await StoreSweeps.StartSiloAsync(_storePath);
        await silo.FlushStoreAsync();
        await using var store = await StudyStore.OpenForReadingAsync(new SqliteStoreLocation(_storePath));

        Assert.Null(await StoredSweepReport.BuildAsync(store, StoreSerializer.Shared, "no-such-sweep"));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_storePath)!, recursive: true);
}
