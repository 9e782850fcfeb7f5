// Sweeps of the user's own training program on a TestingHost cluster of two silos, with real python3 processes
// (toy_trainer.py, speaking the protocol through clients/python): every trial's reported metrics reach the trial's
// history, a crashed attempt is retried and goes on from its checkpoint folder, ASHA pauses and promotes trials through
// their checkpoint folders, and a timeout and a malformed report line fail their trials with what went wrong. The toy
// trainer's metric carries state across epochs through its checkpoint, and the tests recompute it from the recorded
// learning rates: a resume from the wrong checkpoint, or none, shows as a wrong number.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Testing;

namespace SweepCluster.Cluster.Tests.Trainers;

public sealed class ExternalTrainerSweepTests : IDisposable
{
    private static readonly string Python = ToyTrainerFolder.Python;
    private readonly ToyTrainerFolder _toy = new("trainer-sweep");

    private string Folder => _toy.Path;

    private static string ClientPath() => ToyTrainerFolder.ClientPath;

    public void Dispose() => _toy.Dispose();

    // A spec file in the test's folder running the toy trainer from there (workdir: the spec's folder).
    private string Spec(string name, string rest)
    {
        var text = $"""
            name: {name}
            metric: {'{'} name: val_accuracy, goal: maximize {'}'}
            trainer:
              command: ["{Python}", toy_trainer.py]
              env: {'{'} PYTHONPATH: "{ClientPath()}", PYTHONDONTWRITEBYTECODE: "1" {'}'}
            {rest}
            """;
        var path = Path.Combine(Folder, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    // Every trial's snapshot once each has taken its end (a pruned trial's grain hears of it just after the sweep ends).
    private static async Task<TrialSnapshot[]> SnapshotsAsync(IGrainFactory grains, string id, int trials)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var snapshots = await Task.WhenAll(Enumerable.Range(0, trials).Select(i => grains.GetGrain<ITrialGrain>($"{id}/{i}").GetSnapshotAsync()));
            if (snapshots.All(s => s.Status.IsTerminal()) || DateTime.UtcNow > deadline) return snapshots;
            await Task.Delay(100);
        }
    }

    // The toy trainer's metric, recomputed from the learning rates the trial recorded.
    private static void AssertChained(TrialSnapshot trial, double width, long seed)
    {
        var state = 0.0;
        for (var e = 0; e < trial.History.Count; e++)
        {
            var record = trial.History[e];
            Assert.Equal(e + 1, record.Epoch);
            state = 0.5 * state + record.LearningRate * width / 100 + seed / 1000.0;
            Assert.Equal(state, record.ValMetric!.Value, 12);
            Assert.Equal(1 - state, record.TrainLoss, 12);
            Assert.Equal(10L * (e + 1), record.Step);
            Assert.Equal(32, record.BatchSize);
        }
    }

    [Fact]
    public async Task A_grid_of_a_python_trainer_completes_and_a_crashed_attempt_goes_on_from_its_checkpoint()
    {
        var path = Spec("toy-grid", """
            params: { width: [1, 3], crash_trial: 2 }
            learning_rate: [0.1, { schedule: cosine, initial: 0.2, final: 0.0 }]
            seeds: [1, 2]
            epochs: 4
            retries: 1
            checkpoint_every: 1
            """);
        await using var handle = await TestClusterHandle.StartAsync(2);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-grid", path);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        var trials = await SnapshotsAsync(handle.Grains, "toy-grid", 8);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.True(progress.Count(TrialStatus.Completed) == 8, string.Join("\n", trials.Select(t => $"{t.Status} {t.Attempts.Count}: {t.Error}")));
        for (var i = 0; i < trials.Length; i++)
        {
            // Grid order: width, then learning rate, then seed, the last fastest.
            var width = i / 4 == 0 ? 1.0 : 3.0;
            Assert.Equal(4, trials[i].History.Count);
            AssertChained(trials[i], width, seed: i % 2 + 1);
        }
        Assert.Equal(0.1, trials[0].History[3].LearningRate, 15); // constant, as applied
        Assert.True(trials[2].History[3].LearningRate < trials[2].History[0].LearningRate); // cosine, annealed
        var crashed = trials[2];
        Assert.Equal(2, crashed.Attempts.Count);
        Assert.Equal(1, crashed.Attempts[1].StartEpoch); // the retry resumed after epoch 1, from the checkpoint folder
    }

    [Fact]
    public async Task Asha_pauses_and_promotes_python_trials_through_their_checkpoint_folders()
    {
        var path = Spec("toy-asha", """
            search: { strategy: random, trials: 9, seed: 5 }
            scheduler: { type: asha, min_epochs: 1, eta: 3 }
            params: { width: { uniform: [1, 5] } }
            learning_rate: { loguniform: [0.01, 0.5] }
            epochs: 4
            """);
        // One slot: trials run in index order, so which ones pause and which are promoted later is the same every run.
        await using var handle = await TestClusterHandle.StartAsync(1, slotsPerSilo: 1);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-asha", path);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.True(progress.Count(TrialStatus.Pruned) >= 6, string.Join(", ", progress.Counts));
        var trials = await SnapshotsAsync(handle.Grains, "toy-asha", 9);
        Assert.True(trials.Any(t => t.Attempts.Count > 1 && t.Attempts[^1].StartEpoch > 0),
            string.Join("\n", trials.Select(t => $"{t.Status} {string.Join(";", t.Attempts.Select(a => $"{a.Attempt}@{a.StartEpoch}-{a.LastEpoch}"))} {t.StopReason}: {t.Error}")));
        Assert.Contains(trials, t => t.Attempts.Count > 1 && t.Attempts[^1].StartEpoch > 0); // paused, then promoted from its checkpoint
        foreach (var trial in trials)
        {
            Assert.True(trial.Status is TrialStatus.Completed or TrialStatus.Pruned, $"{trial.Status}: {trial.Error}");
            var width = (trial.History[0].ValMetric!.Value - 1 / 1000.0) / trial.History[0].LearningRate * 100; // from epoch 1
            AssertChained(trial, width, seed: 1);
        }
    }

    [Fact]
    public async Task Pbt_copies_the_donors_checkpoint_folder_and_the_copy_trains_on_with_its_perturbed_schedule()
    {
        var path = Spec("toy-pbt", """
            search: { strategy: random, trials: 4, seed: 2 }
            scheduler: { type: pbt, interval: 2, quantile: 0.25 }
            params: { width: 1 }
            learning_rate: { loguniform: [0.01, 0.5] }
            epochs: 6
            """);
        await using var handle = await TestClusterHandle.StartAsync(2);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-pbt", path);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(4, progress.Count(TrialStatus.Completed));
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.NotEmpty(report.Exploits!);
        var trials = await SnapshotsAsync(handle.Grains, "toy-pbt", 4);
        foreach (var (copier, exploit) in report.Exploits!.Select(e => (e.Index, e.Exploit)))
        {
            // The epoch after the exploit goes on from the donor's state at the boundary, with the copier's new rate.
            var donorState = trials[exploit.DonorIndex].History[exploit.Epoch - 1].ValMetric!.Value;
            var next = trials[copier].History[exploit.Epoch];
            Assert.Equal(0.5 * donorState + next.LearningRate / 100 + 1 / 1000.0, next.ValMetric!.Value, 12);
        }
        foreach (var trial in trials) Assert.Equal(6, trial.History.Count);
    }

    [Fact]
    public async Task A_timeout_and_a_malformed_report_line_fail_their_trials_with_what_went_wrong()
    {
        var path = Spec("toy-bad", """
            params: { sleep: [0, 30], malformed_trial: 0 }
            learning_rate: 0.1
            epochs: 3
            retries: 0
            """);
        File.WriteAllText(path, File.ReadAllText(path).Replace("trainer:\n", "trainer:\n  timeout_seconds: 3\n  stop_grace_seconds: 1\n", StringComparison.Ordinal));
        await using var handle = await TestClusterHandle.StartAsync(2);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-bad", path);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(2, progress.Count(TrialStatus.Failed));
        var trials = await SnapshotsAsync(handle.Grains, "toy-bad", 2);
        Assert.Contains("line", trials[0].Error);
        Assert.Contains("{'epoch': 2, 'val_accuracy': 0.5}", trials[0].Error);
        Assert.Contains("timed out", trials[1].Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cancelled_sweep_stops_its_python_trainers_and_leaves_none_running()
    {
        var path = Spec("toy-cancel", """
            params: { sleep: 1 }
            learning_rate: [0.1, 0.2, 0.3, 0.4]
            epochs: 30
            """);
        File.WriteAllText(path, File.ReadAllText(path).Replace("trainer:\n", "trainer:\n  stop_grace_seconds: 5\n", StringComparison.Ordinal));
        await using var handle = await TestClusterHandle.StartAsync(2);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-cancel", path);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) >= 2);
        Assert.NotEmpty(TrainerProcesses("toy-cancel"));
        Assert.True(await coordinator.CancelAsync());
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(SweepStatus.Cancelled, progress.Status);
        Assert.Equal(4, progress.Count(TrialStatus.Cancelled));
        // SIGTERM reached them: the helper's should_stop() ends each after its epoch, well within the grace.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (TrainerProcesses("toy-cancel").Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Empty(TrainerProcesses("toy-cancel"));
    }

    [Fact]
    public async Task A_python_trial_on_a_killed_silo_goes_on_elsewhere_from_its_checkpoint()
    {
        var path = Spec("toy-kill", """
            params: { sleep: 0.3 }
            learning_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
            epochs: 8
            checkpoint_every: 1
            """);
        await using var handle = await TestClusterHandle.StartAsync(3);
        var coordinator = await SweepDriver.SubmitFileAsync(handle.Grains, "toy-kill", path);
        var (victim, running) = await Faults.SiloFailureTests.SiloWithRunningTrialsAsync(handle, "toy-kill", 6);
        await SweepDriver.WaitAsync(coordinator, p => true);
        var killedAt = DateTimeOffset.UtcNow;
        await handle.KillAsync(victim);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(6, progress.Count(TrialStatus.Completed));
        var trials = await SnapshotsAsync(handle.Grains, "toy-kill", 6);
        for (var i = 0; i < trials.Length; i++) AssertChained(trials[i], width: 1, seed: 1);
        foreach (var trial in running)
        {
            var attempts = trials[trial].Attempts;
            Assert.Contains(attempts, a => a.StartedAt > killedAt && a.Silo != victim.SiloAddress.Endpoint.ToString());
        }
        Assert.NotEmpty(running);
    }

    // The python processes running a trainer of this sweep (their trial files name it), from /proc.
    private static List<int> TrainerProcesses(string sweepId)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var environ = File.ReadAllText(Path.Combine(dir, "environ"));
                if (environ.Contains("SWEEPCLUSTER_TRIAL=", StringComparison.Ordinal) && environ.Contains($"/{sweepId}/", StringComparison.Ordinal)) found.Add(pid);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return found;
    }
}
