using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using SweepCluster.Grains;
using SweepCluster.Sweeps;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Faults;

/// <summary>Real silos killed mid-sweep (no graceful shutdown): nothing lost, nothing run twice, results exact.</summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    // 24 digits trials of 8 epochs: long enough (a few hundred ms each) to be caught running.
    private const string Sweep = """
        name: faults
        dataset: digits
        model: { hidden: [32] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.05, { schedule: cosine, initial: 0.05 }]
        batch_size: [8, 16, 32]
        seeds: [1, 2]
        epochs: 8
        checkpoint_every: 1
        """;

    [Fact]
    public async Task KillingASiloThatHostsRunningTrialsLosesNothing()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "kill-worker", Sweep);
        var victim = await SiloWithRunningTrialsAsync(handle, "kill-worker", 24);
        var killedAt = DateTimeOffset.UtcNow;
        await handle.Cluster.KillSiloAsync(victim);
        await SweepDriver.WaitForEndAsync(coordinator);
        var figures = await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-worker", Sweep, killedAt, output);
        Assert.True(figures.Interrupted > 0, "the killed silo was running trials, so some must have resumed");
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
        await handle.Cluster.KillSiloAsync(host);
        await SweepDriver.WaitForEndAsync(coordinator);
        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-coordinator", Sweep, killedAt, output);
    }

    [Fact]
    public async Task KillingTwoOfThreeSilosThenAddingOneStillFinishesTheSweep()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "kill-two", Sweep);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);
        var firstKill = DateTimeOffset.UtcNow;
        await handle.Cluster.KillSiloAsync(handle.Cluster.Silos[2]);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);
        await handle.Cluster.KillSiloAsync(handle.Cluster.Silos[1]);
        await handle.Cluster.StartAdditionalSiloAsync();
        await SweepDriver.WaitForEndAsync(coordinator);
        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "kill-two", Sweep, firstKill, output);
    }

    // A non-primary silo on which trials of the sweep are training right now.
    private static async Task<InProcessSiloHandle> SiloWithRunningTrialsAsync(TestClusterHandle handle, string sweepId, int trials)
    {
        var deadline = DateTime.UtcNow + SweepDriver.DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var running = new HashSet<string>();
            for (var index = 0; index < trials; index++)
            {
                var snapshot = await handle.Grains.GetGrain<ITrialGrain>($"{sweepId}/{index}").GetSnapshotAsync();
                if (snapshot is { Status: TrialStatus.Running, Silo: { } silo }) running.Add(silo);
            }
            var victim = handle.Cluster.Silos.Skip(1).FirstOrDefault(s => running.Contains(s.SiloAddress.Endpoint.ToString()));
            if (victim is not null) return victim;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        throw new TimeoutException("no non-primary silo ever ran a trial");
    }
}
