// A machine restored from storage asks before it dispatches: every trial it believes in flight, and the trials of its
// stored queue that a start it no longer remembers may have reached (FIFO starts do not always wait for a write). A
// trial found training is adopted where it trains; one that ended hands over its result; only a trial that is not
// training is started again, from its checkpoint.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class RecoveryTests
{
    private static readonly LiveSilo[] ThreeSilos = [Silo("a"), Silo("b"), Silo("c")];

    // Trials 0, 1 and 2 train on a, b and c, and that is stored. Then 0 completes and 3 is started on a, which a FIFO
    // machine does without storing first: the stored state still has 3 queued when the coordinator dies.
    private static (MachineScript Script, SweepState Stored, StartTrial StartOf3) TrialThreeStartedAfterTheLastStore()
    {
        var script = Started(Specs.FifoGrid, ThreeSilos);
        script.AnswerAll();
        script.Settle();
        var stored = script.Machine.State;
        Assert.All(stored.Trials.Take(3), t => Assert.True(t.InFlight));
        script.End(0, 1, TrialStatus.Completed, 4);
        var start = script.StartOf(3);
        Assert.DoesNotContain(Persist.Instance, script.Last.Commands);
        Assert.True(stored.Trials[3].Queued);
        return (script, stored, start);
    }

    private static (int, TrialView?) TrainingOn(int trial, int attempt, string silo, int epochs = 1) =>
        (trial, View(TrialStatus.Running, attempt, epochs, training: true, silo: $"{silo}:11111"));

    [Fact]
    public void ARestoredMachineDispatchesNothingBeforeItsTrialsHaveAnswered()
    {
        var (script, stored, _) = TrialThreeStartedAfterTheLastStore();
        script.Restore(stored, ThreeSilos);
        script.End(1, 1, TrialStatus.Completed, 4); // a slot frees before the first tick
        Assert.Empty(script.Starts());
        var ask = Assert.Single(script.Tick().Commands.OfType<ReconcileTrials>());
        Assert.Empty(script.Starts());
        Assert.Equal([0, 2, 3, 4, 5], ask.TrialIndices.Order()); // in flight, then the stored queue: as many as there are slots
    }

    [Fact]
    public void AQueuedTrialThatAStartReachedIsAdoptedWhereItTrainsAndNotStartedAgain()
    {
        var (script, stored, startOf3) = TrialThreeStartedAfterTheLastStore();
        script.Restore(stored, ThreeSilos);
        script.Tick();
        script.Reconciled(
            (0, View(TrialStatus.Completed, 1, 4, training: false)), TrainingOn(1, 1, "b"), TrainingOn(2, 1, "c"),
            TrainingOn(3, startOf3.Attempt, "a"), (4, Idle()), (5, Idle()));

        Assert.DoesNotContain(script.Starts(), s => s.TrialIndex is 1 or 2 or 3);
        Assert.Equal((TrialStatus.Running, "a:11111@1", startOf3.Attempt), (script[3].Status, script[3].AssignedSilo, script[3].Attempt));
        Assert.Equal(TrialStatus.Completed, script[0].Status);
        Assert.Empty(script.Starts()); // every slot is taken: 1, 2 and 3 train
        script.End(3, startOf3.Attempt, TrialStatus.Completed, 4); // the adopted attempt's word is taken
        Assert.Equal(TrialStatus.Completed, script[3].Status);
        Assert.Equal(4, script.StartOf(4).TrialIndex);
    }

    [Fact]
    public void TheStoredQueueIsAskedInDoublingBatchesWhileEveryTrialOfABatchHadBeenStarted()
    {
        var script = new MachineScript(Specs.FifoGrid);
        script.Handle(new SweepStarted("grid", script.Now)); // stored with every trial queued; then started, unstored
        var stored = script.Machine.State;
        script.Restore(stored, Silo("a", slots: 2));
        Assert.Equal([0, 1], Assert.Single(script.Tick().Commands.OfType<ReconcileTrials>()).TrialIndices);
        script.Reconciled(TrainingOn(0, 1, "a"), (1, View(TrialStatus.Completed, 1, 4, training: false)));
        Assert.Equal([2, 3, 4, 5], Assert.Single(script.Last.Commands.OfType<ReconcileTrials>()).TrialIndices); // twice the first batch
        Assert.Empty(script.Starts());
        script.Reconciled(TrainingOn(2, 1, "a"), (3, Idle()), (4, Idle()), (5, Idle()));

        Assert.Empty(script.Last.Commands.OfType<ReconcileTrials>()); // trial 3 was never started: nor were the rest
        Assert.Equal(TrialStatus.Completed, script[1].Status);
        Assert.Equal(("a:11111@1", "a:11111@1"), (script[0].AssignedSilo, script[2].AssignedSilo));
        Assert.Empty(script.Starts()); // both slots are taken by the adopted trials
        script.End(0, 1, TrialStatus.Completed, 4);
        Assert.Equal(3, script.StartOf(3).TrialIndex);
    }

    [Fact]
    public void ATrialWhoseSiloDiedIsStartedAgainAndTheTrialsOnLiveSilosAreKept()
    {
        var script = Started(Specs.FifoGrid, ThreeSilos);
        script.AnswerAll();
        script.Settle();
        var stored = script.Machine.State;
        script.Restore(stored, Silo("a"), Silo("c")); // b died with the coordinator
        var ask = Assert.Single(script.Tick().Commands.OfType<ReconcileTrials>());
        Assert.Equal([0, 1, 2, 3, 4], ask.TrialIndices.Order());
        script.Reconciled(TrainingOn(0, 1, "a", epochs: 2), (1, Idle(attempt: 1, epochs: 2)), TrainingOn(2, 1, "c", epochs: 2), (3, Idle()), (4, Idle()));

        Assert.Equal((TrialStatus.Pending, null), (script[1].Status, script[1].AssignedSilo));
        Assert.Equal(("a:11111@1", "c:11111@1"), (script[0].AssignedSilo, script[2].AssignedSilo));
        Assert.Empty(script.Starts()); // a and c are busy with 0 and 2
        script.End(2, 1, TrialStatus.Completed, 4);
        var again = script.StartOf(1); // resumes first: it has epochs done
        Assert.True(again.Attempt > stored.Trials[1].AttemptCeiling);
        Assert.DoesNotContain(script.Starts(), s => s.TrialIndex == 0);
    }

    [Fact]
    public void WordFromAnAttemptTheStoredStateDoesNotKnowPlacesItsTrialInFlightWhereItRuns()
    {
        var (script, stored, startOf3) = TrialThreeStartedAfterTheLastStore();
        script.Restore(stored, ThreeSilos);
        script.Handle(new EpochsReported(new TrialProgress(3, startOf3.Attempt, [Record(1, 0.5)], "a:11111", 1), script.Now.AddSeconds(1)));
        Assert.Equal(("a:11111@1", TrialStatus.Running), (script[3].AssignedSilo, script[3].Status));
        script.Tick();
        script.Reconciled((0, View(TrialStatus.Completed, 1, 4, training: false)), TrainingOn(1, 1, "b"), TrainingOn(2, 1, "c"),
            TrainingOn(3, startOf3.Attempt, "a"), (4, Idle()), (5, Idle()));
        Assert.DoesNotContain(script.Starts(), s => s.TrialIndex == 3);
        Assert.False(script.Machine.Recovering);
    }

    [Fact]
    public void AStartThatReachesARunTrainingElsewhereFollowsItThere()
    {
        var (script, stored, _) = TrialThreeStartedAfterTheLastStore();
        script.Restore(stored, ThreeSilos);
        script.Tick();
        // Trial 3's start had not landed when it was asked; it landed since, and the run it began trains on a.
        script.Reconciled((0, View(TrialStatus.Completed, 1, 4, training: false)), TrainingOn(1, 1, "b"), TrainingOn(2, 1, "c"),
            (3, Idle()), (4, Idle()), (5, Idle()));
        var again = script.StartOf(3);
        Assert.Equal("a:11111@1", again.Silo); // a is the free silo here; the answer below names c
        script.Answer(again, View(TrialStatus.Running, again.Attempt, 1, training: true, silo: "c:11111"));
        Assert.Equal("c:11111@1", script[3].AssignedSilo);
    }

    [Fact]
    public void ACancelWhileRecoveringStopsAQueuedTrialFoundTraining()
    {
        var (script, stored, startOf3) = TrialThreeStartedAfterTheLastStore();
        script.Restore(stored, ThreeSilos);
        script.Cancel();
        script.Tick();
        script.Reconciled((0, View(TrialStatus.Completed, 1, 4, training: false)), TrainingOn(1, 1, "b"), TrainingOn(2, 1, "c"),
            TrainingOn(3, startOf3.Attempt, "a"), (4, Idle()), (5, Idle()));
        Assert.Contains(new CancelTrial(3), script.Last.Commands);
        Assert.Equal(TrialStatus.Cancelled, script[3].Status);
        Assert.Empty(script.Starts());
    }

    [Fact]
    public void ARestoredMachineWithNothingInFlightOrQueuedRecoversAtItsFirstTick()
    {
        var script = Started(Specs.FifoGrid, Silo("a", slots: 6));
        script.AnswerAll();
        for (var trial = 0; trial < 6; trial++) script.End(trial, 1, TrialStatus.Completed, 4);
        Assert.True(script.Machine.AllEnded);
        script.Restore(script.Machine.State, Silo("a"));
        script.Tick();
        Assert.False(script.Machine.Recovering);
        Assert.Empty(script.Last.Commands.OfType<ReconcileTrials>());
    }
}
