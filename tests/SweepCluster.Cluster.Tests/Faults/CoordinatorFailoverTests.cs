// The silo holding a sweep's coordinator is killed while every trial trains: the coordinator comes back on another
// silo, and the trials training on the surviving silos are adopted, not restarted. Every epoch every trial trains is
// counted where it trains (EpochLedger), and every run is held at one epoch until the kill has been dealt with, so the
// test waits on states, never on time.
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Grains.Trials;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Faults;

public sealed class CoordinatorFailoverTests(ITestOutputHelper output)
{
    private const int Trials = 12;
    private const int Epochs = 8;
    private const int CheckpointEvery = 2;

    /// <summary>Past a checkpoint and before the next: a trial restarted from its checkpoint would train it twice.</summary>
    private const int HoldAtEpoch = 3;

    /// <summary>Six slots on each of three silos: the twelve trials take four each, and the survivors have room for the
    /// four trials of the killed silo, two each, if the coordinator places them where it means to.</summary>
    private const int SlotsPerSilo = 6;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly string Sweep = $$"""
        name: coordinator-failover
        dataset: iris
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.03, 0.05, 0.07, 0.1]
        seeds: [1, 2]
        epochs: {{Epochs}}
        checkpoint_every: {{CheckpointEvery}}
        """;

    [Fact]
    public Task KillingTheCoordinatorsSiloRestartsNoTrialThatTrainsOnASurvivingSilo() => KillTheCoordinatorsSiloAsync(rejectOwnGrainCalls: false);

    /// <summary>The same, with the first call of every run to its own grain after the kill rejected: the run goes on
    /// (it used to fail, be started again from its checkpoint, and leave its trainer running beside the new attempt).</summary>
    [Fact]
    public Task ARunWhoseCallToItsOwnGrainIsRejectedDuringTheFailoverIsNotStartedAgain() => KillTheCoordinatorsSiloAsync(rejectOwnGrainCalls: true);

    private async Task KillTheCoordinatorsSiloAsync(bool rejectOwnGrainCalls)
    {
        var ledger = new EpochLedger(HoldAtEpoch);
        var rejections = new RejectedOwnGrainCalls();
        await using var handle = await TestClusterHandle.StartAsync(3, SlotsPerSilo, services => services
            .AddSingleton(sp => ledger.ExecutorFor(sp.GetRequiredService<ILocalSiloDetails>().SiloAddress))
            .AddSingleton<IIncomingGrainCallFilter>(rejections));
        var host = handle.Cluster.Silos[1];
        RequestContext.Set(IPlacementDirector.PlacementHintKey, host.SiloAddress); // the coordinator lives there
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "failover", Sweep);
        RequestContext.Clear();

        var held = await ledger.WaitForHeldAsync(Trials);
        var onKilledSilo = held.Where(r => r.Silo.Equals(host.SiloAddress)).Select(r => r.TrialIndex).ToArray();
        var onSurvivors = held.Where(r => !r.Silo.Equals(host.SiloAddress)).Select(r => r.TrialIndex).ToArray();
        output.WriteLine($"held at epoch {HoldAtEpoch}: {string.Join("; ", held)}");
        Assert.NotEmpty(onKilledSilo);
        Assert.NotEmpty(onSurvivors);

        var killedAt = DateTimeOffset.UtcNow;
        ledger.Kill(host.SiloAddress);
        await handle.KillAsync(host);
        await WaitUntilEverySurvivorSeesItDeadAsync(handle, host);
        // Nothing else calls the coordinator while every trial is held: the test's call brings it back, as a client's
        // poll or a trial's report would.
        var placement = await TransientFailures.RetryAsync(coordinator.GetPlacementAsync, SweepDriver.DefaultTimeout);
        output.WriteLine($"the coordinator is back on {placement!.CoordinatorSilo}");
        // The trials of the killed silo are started again on the survivors while every other trial is held mid-run: the
        // coordinator came back, reconciled, adopted the trials still training and dealt with the loss. A restart may
        // wait for a slot on its silo (where a restart lands is the placement's choice, not checked here), so the holds
        // are released once every trial is in flight again, and the epochs trained are counted after the end.
        var placementAgain = await WaitUntilEveryTrialIsInFlightOnASurvivorAsync(coordinator, host);
        output.WriteLine("placement after the kill: " + string.Join("; ", placementAgain.InFlight));
        if (rejectOwnGrainCalls) rejections.Arm();
        ledger.Release();
        await SweepDriver.WaitForEndAsync(coordinator);
        if (rejectOwnGrainCalls) Assert.Equal(Trials, rejections.Rejected.Count);

        await FaultAssertions.AssertExactlyOnceAndExactAsync(handle.Grains, "failover", Sweep, killedAt, output);
        for (var trial = 0; trial < Trials; trial++)
        {
            Assert.True(1 == ledger.TimesTrained(trial, Epochs), Trained(ledger, trial)); // completed once
        }
        foreach (var trial in onSurvivors)
        {
            for (var epoch = 1; epoch <= Epochs; epoch++) Assert.True(1 == ledger.TimesTrained(trial, epoch), Trained(ledger, trial));
            Assert.Single(ledger.Runs, r => r.TrialIndex == trial);
        }
        foreach (var trial in onKilledSilo)
        {
            var attempts = (await handle.Grains.GetGrain<ITrialGrain>($"failover/{trial}").GetSnapshotAsync()).Attempts;
            Assert.True(attempts.Count <= 2 && FaultAssertions.WentOnAfterTheKill(attempts, host.SiloAddress.Endpoint.ToString(), killedAt),
                $"trial {trial}: {string.Join("; ", attempts)}");
            var resumedFrom = attempts.Count == 2 ? attempts[1].StartEpoch : 0; // a single attempt started again from scratch
            for (var epoch = 1; epoch <= Epochs; epoch++)
            {
                // Up to the checkpoint it resumed from: once. After it, up to the epoch the kill interrupted: twice at most.
                var allowed = epoch > resumedFrom && epoch <= HoldAtEpoch ? 2 : 1;
                var times = ledger.TimesTrained(trial, epoch);
                Assert.True(times >= 1 && times <= allowed, Trained(ledger, trial));
            }
        }
    }

    private static string Trained(EpochLedger ledger, int trial) =>
        $"trial {trial} trained epochs " + string.Join(", ", Enumerable.Range(1, Epochs).Select(e => $"{e}×{ledger.TimesTrained(trial, e)}"));

    // Each surviving silo has taken the death in (and done whatever it does then to the activations it holds).
    private static async Task<SweepPlacement> WaitUntilEveryTrialIsInFlightOnASurvivorAsync(ISweepCoordinatorGrain coordinator, InProcessSiloHandle killed)
    {
        var deadline = DateTime.UtcNow + SweepDriver.DefaultTimeout;
        var killedSilo = killed.SiloAddress.Endpoint.ToString();
        while (true)
        {
            var placement = await TransientFailures.RetryAsync(coordinator.GetPlacementAsync, SweepDriver.DefaultTimeout);
            if (placement!.InFlight.Count == Trials && placement.InFlight.All(trial => trial.Silo != killedSilo)) return placement;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"not every trial is in flight on a survivor: {string.Join("; ", placement.InFlight)}");
            await Task.Delay(PollInterval);
        }
    }

    private static async Task WaitUntilEverySurvivorSeesItDeadAsync(TestClusterHandle handle, InProcessSiloHandle killed)
    {
        var deadline = DateTime.UtcNow + SweepDriver.DefaultTimeout;
        var survivors = handle.Cluster.Silos.Where(s => !s.SiloAddress.Equals(killed.SiloAddress)).ToArray();
        while (!survivors.All(s => s.SiloHost.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot
                   .GetSiloStatus(killed.SiloAddress) == SiloStatus.Dead))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the survivors never saw {killed.SiloAddress} dead");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}

