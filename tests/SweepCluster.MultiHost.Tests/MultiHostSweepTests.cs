using System.Diagnostics;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Store;
using SweepCluster.Testing.MultiHost;
using Xunit.Abstractions;

namespace SweepCluster.MultiHost.Tests;

/// <summary>
/// A real multi-host cluster (deploy/netns: a PostgreSQL host and 3 silo hosts, each its own network namespace, the
/// silos with `--clustering postgres` and mutual TLS from certificates the fixture makes): a client without a certificate
/// is refused; sweeps submitted by the CLI (with the client's certificate) from the root namespace through the PostgreSQL
/// membership table survive a silo host killed with SIGKILL, and a stop and restart of every silo, with exactly one
/// result per trial — in the grains and in the study tables — and no completed trial run again.
/// </summary>
public sealed class MultiHostSweepTests(ITestOutputHelper output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private void Log(string text) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {text}");

    private const int SiloHosts = 3;
    private const int SlotsPerSilo = 1;
    private const int Trials = 30;
    private const int Epochs = 100;

    // 5 learning rates × 3 batch sizes × 2 seeds = 30 digits trials of about 0.7 s of training each (one core, idle
    // machine), so each sweep lasts long enough on 3 silo hosts to be interrupted. Checkpoints (~0.7 MB with the
    // momentum buffers) every 25 epochs keep the database traffic moderate.
    private const string Spec = """
        name: multihost
        dataset: digits
        model: { hidden: [256, 256] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.03, 0.05, { schedule: cosine, initial: 0.05 }]
        batch_size: [8, 16, 32]
        seeds: [1, 2]
        epochs: 100
        checkpoint_every: 25
        """;

    /// <summary>The longest a sweep may take here, failure detection and restarts included.</summary>
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The stop comes once this many trials of the second sweep are complete: a third of the way.</summary>
    private const int CompletedBeforeStop = Trials / 3;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ASweepAcrossHostsSurvivesASiloKillAndAWholeClusterRestart()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the multi-host test builds network namespaces and must run as root (CI does)");
        var run = Guid.NewGuid().ToString("N")[..8];
        var specFile = Path.Combine(Directory.CreateTempSubdirectory("sc-multihost-").FullName, "multihost.yaml");
        await File.WriteAllTextAsync(specFile, Spec);
        await using var cluster = await MultiHostCluster.StartAsync(BuildOutput.RepositoryRoot(), BuildOutput.SiloAssembly(),
            SiloHosts, SlotsPerSilo, clusterId: $"mh-{run}", serviceId: $"sweepcluster-mh-{run}");
        try
        {
            await cluster.StartSilosAsync(Enumerable.Range(1, SiloHosts).ToArray());
            Log($"{cluster.Store}, silos {string.Join(", ", Enumerable.Range(1, SiloHosts).Select(cluster.SiloEndpoint))}");
            await AClientWithoutACertificateIsRefusedAsync(cluster);
            await KillOneSiloHostMidSweepAsync(cluster, specFile, "kill");
            await StopAndRestartEverySiloMidSweepAsync(cluster, specFile, "restart");
            await AnExternalTrainerSweepRunsOnEveryHostAsync(cluster, Path.GetDirectoryName(specFile)!);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            output.WriteLine(cluster.Diagnostics());
            throw;
        }
    }

    // The silos run with TLS: the same target without the client's certificate is refused in the handshake.
    private async Task AClientWithoutACertificateIsRefusedAsync(MultiHostCluster cluster)
    {
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            ClusterConnection.ConnectAsync(cluster.Target with { Tls = null }, CancellationToken.None));
        Assert.Contains("requires cluster TLS and this client has no certificate", error.Message);
        Log($"a client without a certificate: {error.Message}");
    }

    private async Task KillOneSiloHostMidSweepAsync(MultiHostCluster cluster, string specFile, string id)
    {
        Submit(cluster, specFile, id);
        await using var client = await ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None);
        var (victim, running) = await SiloHostWithRunningTrialsAsync(client.Grains, cluster, id);
        await cluster.KillSiloAsync(victim);
        Log($"kill -9 of silo{victim} ({cluster.SiloEndpoint(victim)}) while it trained trials {string.Join(", ", running)}");

        var progress = await WaitForEndAsync(client.Grains, id);
        Log($"{id}: ended");
        var snapshots = await AssertExactlyOneResultPerTrialAsync(client.Grains, id, progress);
        await AssertStudyTablesHoldEveryTrialOnceAsync(cluster, id);
        // Started again elsewhere: a later attempt number. (The trial's own list of attempts keeps those that reached a
        // checkpoint or an end; one killed before its first checkpoint left nothing stored, by design.)
        foreach (var trial in running)
            Assert.True(snapshots[trial].Attempt > 1, $"trial {trial} was training on the killed host but ended in attempt {snapshots[trial].Attempt}: {string.Join("; ", snapshots[trial].Attempts)}");
    }

    private async Task StopAndRestartEverySiloMidSweepAsync(MultiHostCluster cluster, string specFile, string id)
    {
        Submit(cluster, specFile, id);
        IReadOnlyList<TrialSnapshot> before;
        await using (var client = await ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None))
        {
            await WaitAsync(client.Grains, id, p => p.Count(TrialStatus.Completed) >= CompletedBeforeStop);
            before = await SnapshotsAsync(client.Grains, id);
        }
        var completed = Enumerable.Range(0, Trials).Where(i => before[i].Status == TrialStatus.Completed).ToArray();
        await cluster.StopAllSilosAsync();
        Log($"stopped every silo with trials {string.Join(", ", completed)} completed");
        await cluster.StartSilosAsync(Enumerable.Range(1, SiloHosts).ToArray());
        Log("every silo is active again");

        await using var restarted = await ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None);
        var progress = await WaitForEndAsync(restarted.Grains, id);
        Log($"{id}: ended");
        var after = await AssertExactlyOneResultPerTrialAsync(restarted.Grains, id, progress);
        await AssertStudyTablesHoldEveryTrialOnceAsync(cluster, id);
        foreach (var trial in completed)
        {
            Assert.Equal(before[trial].Attempts, after[trial].Attempts); // not run again
            Assert.Equal(before[trial].History, after[trial].History);
        }
        Log($"{id}: {completed.Length} trials completed before the stop kept their results; " +
            $"{Enumerable.Range(0, Trials).Count(i => after[i].Attempts.Count > 1)} trials resumed with a new attempt");
    }

    // A sweep of the user's own program (the python3 toy trainer of the cluster tests, from the spec's folder, which every
    // host sees at the same path): its trials run on the silo hosts, as processes inside their network namespaces, and
    // each trial's metric chain shows it started from its own trial file.
    private async Task AnExternalTrainerSweepRunsOnEveryHostAsync(MultiHostCluster cluster, string folder)
    {
        const string id = "trainer";
        const int trainerTrials = 6;
        File.Copy(Path.Combine(BuildOutput.RepositoryRoot(), "tests", "SweepCluster.Testing", "Trainers", "toy_trainer.py"),
            Path.Combine(folder, "toy_trainer.py"), overwrite: true);
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var spec = Path.Combine(folder, "trainer.yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: trainer
            metric: { name: val_accuracy, goal: maximize }
            trainer:
              command: ["{{python}}", toy_trainer.py]
              env: { PYTHONPATH: "{{Path.Combine(BuildOutput.RepositoryRoot(), "clients", "python")}}", PYTHONDONTWRITEBYTECODE: "1" }
            params: { sleep: 0.3 }
            learning_rate: [0.1, 0.2, 0.3]
            seeds: [1, 2]
            epochs: 3
            checkpoint_every: 1
            """);
        Submit(cluster, spec, id);
        await using var client = await ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None);
        var progress = await WaitForEndAsync(client.Grains, id);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(trainerTrials, progress.Count(TrialStatus.Completed));
        var snapshots = await Task.WhenAll(Enumerable.Range(0, trainerTrials).Select(i =>
            TransientFailures.RetryAsync(() => client.Grains.GetGrain<ITrialGrain>($"{id}/{i}").GetSnapshotAsync(), SweepTimeout)));
        for (var i = 0; i < trainerTrials; i++)
        {
            var rate = new[] { 0.1, 0.2, 0.3 }[i / 2];
            Assert.Equal(3, snapshots[i].History.Count);
            Assert.Equal(rate / 100 + (i % 2 + 1) / 1000.0, snapshots[i].History[0].ValMetric!.Value, 12); // the toy's first epoch
        }
        var hosts = snapshots.Select(s => s.Silo).Distinct().Count();
        Log($"{id}: {trainerTrials} trials of a python3 trainer completed on {hosts} silo host(s)");
        Assert.True(hosts >= 2, $"every trial ran on one host: {snapshots[0].Silo}");
    }

    // The CLI, as a user runs it, from the root namespace: it finds the gateways in the PostgreSQL membership table,
    // the connection string in the environment.
    private void Submit(MultiHostCluster cluster, string specFile, string id)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { BuildOutput.CliAssembly(), "submit", specFile, "--id", id,
                     "--postgres", "--cluster-id", cluster.ClusterId, "--service-id", cluster.ServiceId })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in cluster.Environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(CliTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"sweep submit did not finish in {CliTimeout.TotalMinutes} min");
        }
        Assert.True(process.ExitCode == 0, $"sweep submit exited {process.ExitCode}: {error.Result}{text.Result}");
        Log($"sweep submit --postgres: {text.Result.Trim()}");
    }

    // A silo host (not the first) training trials of the sweep right now, early in their run.
    private static async Task<(int Silo, IReadOnlyList<int> Trials)> SiloHostWithRunningTrialsAsync(IGrainFactory grains, MultiHostCluster cluster, string id)
    {
        var deadline = DateTime.UtcNow + SweepTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var snapshots = await SnapshotsAsync(grains, id);
            for (var silo = 2; silo <= SiloHosts; silo++)
            {
                var endpoint = cluster.SiloEndpoint(silo);
                var running = Enumerable.Range(0, Trials)
                    .Where(i => snapshots[i] is { Status: TrialStatus.Running, IsTraining: true } s && s.Silo == endpoint && s.History.Count < Epochs / 2)
                    .ToArray();
                if (running.Length > 0) return (silo, running);
            }
            await Task.Delay(PollInterval);
        }
        throw new TimeoutException("no silo host but the first ever trained a trial");
    }

    private static async Task<IReadOnlyList<TrialSnapshot>> SnapshotsAsync(IGrainFactory grains, string id) =>
        await Task.WhenAll(Enumerable.Range(0, Trials).Select(i =>
            TransientFailures.RetryAsync(() => grains.GetGrain<ITrialGrain>($"{id}/{i}").GetSnapshotAsync(), SweepTimeout)));

    private static async Task<SweepProgress> WaitAsync(IGrainFactory grains, string id, Func<SweepProgress, bool> until)
    {
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var deadline = DateTime.UtcNow + SweepTimeout;
        while (true)
        {
            var progress = await TransientFailures.RetryAsync(coordinator.GetProgressAsync, SweepTimeout);
            Assert.NotNull(progress);
            if (until(progress)) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"sweep {id} did not get there in {SweepTimeout}: {progress.Status}, {string.Join(", ", progress.Counts)}");
            await Task.Delay(PollInterval);
        }
    }

    private static Task<SweepProgress> WaitForEndAsync(IGrainFactory grains, string id) =>
        WaitAsync(grains, id, p => p.Status.IsTerminal() && p.Counts.Where(c => c.Key.IsTerminal()).Sum(c => c.Value) == p.TotalTrials);

    private static async Task<IReadOnlyList<TrialSnapshot>> AssertExactlyOneResultPerTrialAsync(IGrainFactory grains, string id, SweepProgress progress)
    {
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(Trials, progress.TotalTrials);
        Assert.Equal(Trials, progress.Count(TrialStatus.Completed));
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var report = (await TransientFailures.RetryAsync(coordinator.GetReportAsync, SweepTimeout))!;
        Assert.Equal(Trials, report.Ranking.Sum(r => r.Completed));
        var snapshots = await SnapshotsAsync(grains, id);
        for (var i = 0; i < Trials; i++)
        {
            Assert.Equal(TrialStatus.Completed, snapshots[i].Status);
            Assert.Equal(Enumerable.Range(1, Epochs), snapshots[i].History.Select(e => e.Epoch)); // each epoch once, in order
        }
        return snapshots;
    }

    // The sweep's rows in the database: it ended completed, every trial once and completed, each with its epochs 1..N
    // once. Rows reach the database through each silo's batching writer, so they are polled for, within the timeout.
    private async Task AssertStudyTablesHoldEveryTrialOnceAsync(MultiHostCluster cluster, string id)
    {
        await using var store = await StudyStore.OpenAsync(cluster.Store);
        var deadline = DateTime.UtcNow + SweepTimeout;
        while (true)
        {
            var sweep = await store.GetSweepAsync(id);
            var trials = await store.ReadTrialsAsync(id);
            var epochs = await store.ReadEpochsAsync(id);
            var complete = sweep?.Status == SweepStatus.Completed && trials.Count == Trials && trials.All(t => t.Status == TrialStatus.Completed)
                           && epochs.Count == Trials * Epochs;
            if (complete)
            {
                Assert.Equal(Enumerable.Range(0, Trials), trials.Select(t => t.Trial));
                foreach (var trial in epochs.GroupBy(e => e.Trial))
                    Assert.Equal(Enumerable.Range(1, Epochs), trial.Select(e => e.Record.Epoch));
                Log($"{id}: the study tables hold {trials.Count} completed trials and {epochs.Count} epoch rows");
                return;
            }
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"sweep {id}'s rows: {sweep?.Status}, {trials.Count} trials ({trials.Count(t => t.Status == TrialStatus.Completed)} completed), {epochs.Count} epochs");
            await Task.Delay(PollInterval);
        }
    }
}
