using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Faults;

/// <summary>Real silos killed mid-sweep (no graceful shutdown): nothing lost, nothing run twice, results exact.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    // 24 digits trials of 25 epochs: long enough (about a second each) to be caught running and killed mid-run.
    private const string Sweep = """
        name: faults
        dataset: digits
        model: { hidden: [64, 32] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.05, { schedule: cosine, initial: 0.05 }]
        batch_size: [8, 16, 32]
        seeds: [1, 2]
        epochs: 25
        checkpoint_every: 1
        """;

    [Fact]
    public async Task KillingASiloThatHostsRunningTrialsLosesNothing()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        // Long trials: between picking a trial that has stored at most EarlyEpochs and the kill, a loaded machine must
        // not let it finish the remaining epochs.
        var sweep = Sweep.Replace("epochs: 25", "epochs: 60");
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "kill-worker", sweep);
        var (victim, running) = await SiloWithRunningTrialsAsync(handle, "kill-worker", 24);
        var killedAt = DateTimeOffset.UtcNow;
        await handle.KillAsync(victim);
        output.WriteLine($"killed {victim.SiloAddress} while it trained trials {string.Join(", ", running)}");
        await SweepDriver.WaitForEndAsync(coordinator);
        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-worker", sweep, killedAt, output);
        foreach (var trial in running)
        {
            var attempts = (await handle.Grains.GetGrain<ITrialGrain>($"kill-worker/{trial}").GetSnapshotAsync()).Attempts;
            Assert.True(FaultAssertions.WentOnAfterTheKill(attempts, victim.SiloAddress.Endpoint.ToString(), killedAt),
                $"trial {trial} was training on the killed silo but has attempts {string.Join("; ", attempts)}");
        }
        Assert.NotEmpty(running);
    }

    [Fact]
    public async Task KillingTheCoordinatorsSiloLosesNothing()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        var host = handle.Cluster.Silos[1];
        RequestContext.Set(IPlacementDirector.PlacementHintKey, host.SiloAddress); // put the coordinator there
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "kill-coordinator", Sweep);
        RequestContext.Clear();
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Completed) >= 3);
        var killedAt = DateTimeOffset.UtcNow;
        await handle.KillAsync(host);
        await SweepDriver.WaitForEndAsync(coordinator);
        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-coordinator", Sweep, killedAt, output);
    }

    [Fact]
    public async Task KillingTwoOfThreeSilosThenAddingOneStillFinishesTheSweep()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        var longer = Sweep.Replace("epochs: 25", "epochs: 60"); // the sweep must outlive both kills
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "kill-two", longer);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);
        var firstKill = DateTimeOffset.UtcNow;
        await handle.KillAsync(handle.Cluster.Silos[2]);
        var beforeSecondKill = await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0 || p.Status.IsTerminal());
        Assert.Equal(SweepStatus.Running, beforeSecondKill.Status);
        await handle.KillAsync(handle.Cluster.Silos[1]);
        await handle.Cluster.StartAdditionalSiloAsync();
        await SweepDriver.WaitForEndAsync(coordinator);
        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-two", longer, firstKill, output);
    }

    private const int EarlyEpochs = 8;

    // A non-primary silo on which trials of the sweep are training right now, and those trials.
    internal static async Task<(InProcessSiloHandle Silo, IReadOnlyList<int> Trials)> SiloWithRunningTrialsAsync(TestClusterHandle handle, string sweepId, int trials)
    {
        var deadline = DateTime.UtcNow + SweepDriver.DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            // Early in their run (a third of the epochs at most), so they are surely still training when the kill lands.
            var snapshots = await Task.WhenAll(Enumerable.Range(0, trials).Select(i => handle.Grains.GetGrain<ITrialGrain>($"{sweepId}/{i}").GetSnapshotAsync()));
            var running = snapshots.Select((snapshot, index) => (Index: index, Snapshot: snapshot))
                .Where(t => t.Snapshot is { Status: TrialStatus.Running, IsTraining: true, Silo: not null } && t.Snapshot.History.Count <= EarlyEpochs)
                .ToArray();
            var victim = handle.Cluster.Silos.Skip(1).FirstOrDefault(s => running.Any(r => r.Snapshot.Silo == s.SiloAddress.Endpoint.ToString()));
            if (victim is not null) return (victim, running.Where(r => r.Snapshot.Silo == victim.SiloAddress.Endpoint.ToString()).Select(r => r.Index).ToArray());
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
        throw new TimeoutException("no non-primary silo ever ran a trial");
    }
}
