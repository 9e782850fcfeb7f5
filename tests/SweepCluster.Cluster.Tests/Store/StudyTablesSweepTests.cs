// A sweep on an embedded silo with a SQLite store writes its study tables as it runs: one sweeps row (spec, name,
// metric and goal, status and end), one trials row per trial and one epochs row per (trial, epoch), with values equal
// to what the trial grains hold and to the report's counts. Read with a connection of their own, as sqlite3 would.
using SweepCluster.Abstractions;
using SweepCluster.Cluster.Tests.Pins;
using SweepCluster.Core;
using SweepCluster.Store.Hyperparameters;

namespace SweepCluster.Cluster.Tests.Store;

public sealed class StudyTablesSweepTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweepcluster-study-").FullName;

    private string StorePath => Path.Combine(_folder, "sweeps", "sweepcluster.db");

    [Fact]
    public async Task A_finished_sweep_has_every_trial_once_and_every_epoch_once_equal_to_the_grains_histories()
    {
        const string id = "study-rows";
        var yaml = StoreSweeps.QuickstartYaml();
        await using var silo = await StoreSweeps.StartSiloAsync(StorePath);
        var coordinator = await SweepDriver.SubmitAsync(silo.Grains, id, yaml);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        var report = await SweepDriver.ReportAsync(coordinator);

        var sweep = await StoreSweeps.WaitForSweepRowAsync(StorePath, id, StoreSweeps.Ended, TimeSpan.FromSeconds(30));
        Assert.Equal(yaml, sweep.Spec);
        Assert.Equal("quickstart", sweep.Name);
        Assert.Equal(SweepStatus.Completed, sweep.Status);
        Assert.Equal(new MetricSpec(MetricName.ValAccuracy, MetricGoal.Maximize), sweep.Metric);
        Assert.Equal(progress.FinishedAt!.Value.ToUnixTimeMilliseconds(), sweep.Finished!.Value.ToUnixTimeMilliseconds());

        var (trials, epochs) = await StoreSweeps.ReadRowsAsync(StorePath, id);
        Assert.Equal(Enumerable.Range(0, progress.TotalTrials), trials.Select(t => t.Trial));
        Assert.Equal(epochs.Count, epochs.Select(e => (e.Trial, e.Record.Epoch)).Distinct().Count());
        foreach (var trial in trials)
        {
            var snapshot = await silo.Grains.GetGrain<ITrialGrain>($"{id}/{trial.Trial}").GetSnapshotAsync();
            var metrics = snapshot.History.Select(r => sweep.Metric.ValueOf(r)!.Value).ToArray();
            Assert.Equal(snapshot.Status, trial.Status);
            Assert.Equal(snapshot.History.Count, trial.EpochsRun);
            Assert.Equal(metrics[^1], trial.FinalMetric);
            Assert.Equal(metrics.Max(), trial.BestMetric);
            Assert.Equal(Array.IndexOf(metrics, metrics.Max()) + 1, trial.BestEpoch);
            Assert.Equal(1, trial.Attempts);
            Assert.NotNull(trial.Silo);
            Assert.True(trial.WallSeconds > 0);
            Assert.Equal(snapshot.History, epochs.Where(e => e.Trial == trial.Trial).Select(e => e.Record));
            Assert.Contains(trial.Hyperparameters, h => h.Column == "learning_rate.schedule");
        }
        foreach (var row in report.Ranking)
            Assert.Equal(row.Completed, trials.Count(t => t.Combination == row.Combination && t.Status == TrialStatus.Completed));
    }

    private static readonly TimeSpan RowsPatience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_running_sweep_is_readable_from_another_connection_while_it_runs()
    {
        const string id = "study-live";
        await using var silo = await StoreSweeps.StartSiloAsync(StorePath);
        var coordinator = await SweepDriver.SubmitAsync(silo.Grains, id, StoreSweeps.QuickstartYaml());
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Completed) >= 3);

        // Rows reach the file through a batching writer (a batch every 200 ms at most): poll, on a connection of our own,
        // until they are there, and check that the sweep was still running when they were read.
        var deadline = DateTime.UtcNow + RowsPatience;
        while (true)
        {
            var (trials, epochs) = await StoreSweeps.ReadRowsAsync(StorePath, id);
            var sweep = await StoreSweeps.WaitForSweepRowAsync(StorePath, id, _ => true, RowsPatience);
            if (trials.Count == 24 && trials.Any(t => t.Status == TrialStatus.Completed) && epochs.Count > 0)
            {
                Assert.Equal(SweepStatus.Running, sweep.Status);
                Assert.Contains(trials, t => !t.Status.IsTerminal());
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, $"after {RowsPatience}: {trials.Count} trial rows, {epochs.Count} epoch rows");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
        await SweepDriver.WaitForEndAsync(coordinator);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
