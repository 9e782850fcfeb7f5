// The sweep commands when no silo runs, at process level: after `sweep run` was killed (SIGKILL), `sweep resume ID`
// with no flag finds the sweep in ./sweeps/sweepcluster.db, trains it to the end in its own process with the numbers of
// an uninterrupted run, and writes the report folder; `sweep list`, `sweep replay` and `sweep delete` then work from the
// store alone. A killed sweep is still running in the store: `sweep delete` refuses it until `sweep cancel`.
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests.Store;

public sealed class StoreWithoutSiloCliTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _dir = new();

    // No silo answers on this port, so the commands fall back to the store under the working directory.
    private readonly string _noSiloPort = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string DefaultStore => Path.Combine(_dir.Path, "sweeps", "sweepcluster.db");

    // Longer trials than the example's, so that a kill lands midway (SweepProcess.LongerQuickstart).
    private string Quickstart => SweepProcess.LongerQuickstart(_dir.Path);

    private (int ExitCode, string Output) Sweep(params string[] arguments) => CliRunner.ProcessIn(_dir.Path, [.. arguments, "--gateway-port", _noSiloPort]);

    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    private async Task KillMidwayAsync(string sweepId)
    {
        using var doomed = SweepProcess.Start(_dir.Path, "run", Quickstart, "--id", sweepId, "--slots", "1", "-o", _dir.Path);
        await SweepProcess.WaitForTrialsAsync(DefaultStore, sweepId, TrialStatus.Completed, 4, Patience);
        doomed.Kill();
        var (trials, _) = await SweepProcess.ReadRowsAsync(DefaultStore, sweepId);
        Assert.Contains(trials, t => t.Status != TrialStatus.Completed);
    }

    [Fact]
    public async Task Resume_after_a_killed_run_finishes_it_here_with_the_numbers_of_an_uninterrupted_run()
    {
        await KillMidwayAsync("killed");

        var (exit, output) = Sweep("resume", "killed", "-o", _dir.Path);
        Assert.True(exit == 0, output);
        Assert.Contains("training here", output);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "quickstart-killed", "report.md")), output);

        var cleanStore = Path.Combine(_dir.Path, "clean.db");
        var (exitClean, outputClean) = CliRunner.ProcessIn(_dir.Path, "run", Quickstart, "--id", "clean", "--slots", "1", "-o", _dir.Path, "--store", cleanStore);
        Assert.True(exitClean == 0, outputClean);
        var (trials, epochs) = await SweepProcess.ReadRowsAsync(DefaultStore, "killed");
        var (cleanTrials, cleanEpochs) = await SweepProcess.ReadRowsAsync(cleanStore, "clean");
        Assert.Equal(Enumerable.Range(0, 24), trials.Select(t => t.Trial)); // every trial once
        Assert.Equal(epochs.Count, epochs.Select(e => (e.Trial, e.Record.Epoch)).Distinct().Count()); // no epoch twice
        Assert.Equal(
            cleanTrials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.BestMetric, t.BestEpoch, t.EpochsRun)),
            trials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.BestMetric, t.BestEpoch, t.EpochsRun)));
        Assert.Equal(cleanEpochs.Select(e => (e.Trial, e.Record)), epochs.Select(e => (e.Trial, e.Record))); // digit for digit

        var (listExit, list) = Sweep("list");
        Assert.True(listExit == 0, list);
        Assert.Contains("killed", list);
        Assert.Contains("Completed", list);

        var replay = Path.Combine(_dir.Path, "replay-3.yaml");
        var (replayExit, replayOutput) = Sweep("replay", "killed", "3", "-o", replay);
        Assert.True(replayExit == 0, replayOutput);
        Assert.Contains("schedule: recorded", File.ReadAllText(replay));
    }

    [Fact]
    public async Task Delete_refuses_a_sweep_still_running_in_the_store_then_removes_it_once_cancelled()
    {
        await KillMidwayAsync("doomed");
        var (before, _) = await SweepProcess.ReadRowsAsync(DefaultStore, "doomed");

        var (refusedExit, refused) = Sweep("delete", "doomed");
        Assert.Equal(2, refusedExit);
        Assert.Contains(Squeezed("cancel it first"), Squeezed(refused));
        var (kept, _) = await SweepProcess.ReadRowsAsync(DefaultStore, "doomed");
        Assert.Equal(before.Count, kept.Count);

        var (cancelExit, cancelled) = Sweep("cancel", "doomed");
        Assert.True(cancelExit == 0, cancelled);
        var (deleteExit, deleted) = Sweep("delete", "doomed");
        Assert.True(deleteExit == 0, deleted);
        Assert.Contains("deleted sweep doomed", deleted);

        var (trials, epochs) = await SweepProcess.ReadRowsAsync(DefaultStore, "doomed");
        Assert.Empty(trials);
        Assert.Empty(epochs);
        var (statusExit, status) = Sweep("status", "doomed");
        Assert.Equal(2, statusExit);
        Assert.Contains(Squeezed("no sweep with id 'doomed'"), Squeezed(status));
    }

    [Fact]
    public void With_no_silo_and_no_store_the_error_names_both()
    {
        var (exit, output) = Sweep("list");

        Assert.Equal(1, exit);
        Assert.StartsWith("error: ", output);
        Assert.Contains(Squeezed(DefaultStore), Squeezed(output));
        Assert.False(File.Exists(DefaultStore));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
