// A paused member resumed with a restart is dispatched with its donor and the explored spec, before anything else;
// the donor waits at the boundary until the copier has its copy; the start's answer records the exploit once, and
// a machine that lost that answer records it from the first word of the restarted attempt.
using SweepCluster.Specs;
using SweepCluster.Core;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;
using static SweepCluster.Coordination.Tests.Decisions.PbtGeneration;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PbtRestartTests
{
    [Fact]
    public void ARestartIsDispatchedFirstWithTheDonorAndTheExploredSpec()
    {
        var script = Released();
        var restart = script[Copier].PendingRestart!;
        Assert.Equal((Donor, 2), (restart.Donor, restart.Epoch));
        var start = script.Starts()[0];
        Assert.Equal((Copier, Donor, 2), (start.TrialIndex, start.Donor, start.DonorEpoch));
        var donorSpec = TrialSpecJson.Deserialize(script.Plan.SearcherSpecJson(Donor));
        Assert.Equal(TrialSpecJson.Serialize(PbtExplore.Apply(donorSpec, restart.ToRestart(Copier))), start.SpecJson());
        Assert.Equal(TrialDecision.Pause, script.Last.Reply!.Decision); // the copier stops at the boundary; its new attempt follows
    }

    [Fact]
    public void TheDonorWaitsAtTheBoundaryUntilItsCopierHasItsCopy()
    {
        var script = Released();
        var copier = script.StartOf(Copier);
        Assert.Equal([Copier, 0, 1], script.Starts().Select(s => s.TrialIndex)); // trained on, the donor would move its checkpoint
        script.StartFailed(copier);
        script.Settle((Copier, Idle(attempt: 1, epochs: 2, TrialStatus.Paused))); // it never started: queued again
        var again = script.StartOf(Copier);
        Assert.DoesNotContain(script.Starts(), s => s.TrialIndex == Donor);
        script.Answer(again, View(TrialStatus.Pending, again.Attempt, 2, training: true));
        script.Settle();
        Assert.Equal(Donor, Assert.Single(script.Starts()).TrialIndex);
    }

    [Fact]
    public void TheStartsAnswerRecordsTheExploitOnceEvenIfTheTrialWasStartedTwice()
    {
        var script = Released();
        script.StartFailed(script.StartOf(Copier));
        script.Settle((Copier, Idle(attempt: 1, epochs: 2, TrialStatus.Paused))); // it never started: started again
        var again = script.StartOf(Copier);
        script.Answer(again, View(TrialStatus.Pending, again.Attempt, 2, training: true, metric: 0.8));
        script.Answer(again, View(TrialStatus.Pending, again.Attempt, 2, training: true, metric: 0.8)); // the answer twice
        var trial = script[Copier];
        var exploit = Assert.Single(trial.Exploits);
        Assert.Equal((2, Donor), (exploit.Epoch, exploit.Donor));
        Assert.Null(trial.PendingRestart);
        Assert.Equal(again.SpecJson(), trial.SpecOverride.Json());
        Assert.Equal((2, 0.8), (trial.EpochsDone, trial.LastMetric)); // the donor's epochs
    }

    [Fact]
    public void ARestartWhoseStartFailedAfterTheCopyIsRecordedByReconciliation()
    {
        var script = Released();
        var start = script.StartOf(Copier);
        script.StartFailed(start); // its answer was lost: the copy may have happened
        script.Settle((Copier, View(TrialStatus.Running, start.Attempt, 2, training: true, metric: 0.8)));
        var trial = script[Copier];
        Assert.Equal((2, Donor), (Assert.Single(trial.Exploits).Epoch, trial.Exploits[0].Donor));
        Assert.Equal(start.SpecJson(), trial.SpecOverride.Json());
        Assert.DoesNotContain(script.Starts(), s => s.TrialIndex == Copier); // not started twice
        Assert.Contains(script.Starts(), s => s.TrialIndex == Donor);       // the donor goes on
    }

    [Fact]
    public void ARestartWhoseAnswerWasLostIsRecordedByTheFirstWordFromItsAttempt()
    {
        var script = Released();
        var start = script.StartOf(Copier);
        script.Restore(script.Machine.State, Silo("a", 4)); // stored with the dispatch; the answer never came
        Assert.NotNull(script[Copier].PendingRestart);
        script.Epochs(Copier, start.Attempt, 3);
        var trial = script[Copier];
        Assert.Single(trial.Exploits);
        Assert.Null(trial.PendingRestart);
        Assert.Equal(start.SpecJson(), trial.SpecOverride.Json());
    }
}
