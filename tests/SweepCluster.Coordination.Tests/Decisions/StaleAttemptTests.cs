// Messages from an attempt older than the trial's current one are ignored; a question from a replaced attempt is
// answered Pause; a newer attempt (dispatched by a coordinator that restarted since) is adopted. Late messages (a
// duplicate, a call that timed out) never move a trial back: not a paused one, not a queued one, not an ended one.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class StaleAttemptTests
{
    // Trial 0's first start failed and never reached its grain; attempt 2 is the one in flight now.
    private static MachineScript AtAttemptTwo(string yaml)
    {
        var script = Started(yaml, Silo("a"));
        script.StartFailed(script.StartOf(0));
        script.Settle((0, Idle()));
        var second = script.StartOf(0);
        Assert.Equal(2, second.Attempt);
        script.Answer(second);
        return script;
    }

    [Fact]
    public void ProgressFromAnOlderAttemptIsIgnored()
    {
        var script = AtAttemptTwo(Specs.FifoGrid);
        var before = script[0];
        script.Epochs(0, 1, 1, 2);
        Assert.Same(before, script[0]);
    }

    [Fact]
    public void TheEndOfAnOlderAttemptIsIgnored()
    {
        var script = AtAttemptTwo(Specs.FifoGrid);
        script.End(0, 1, TrialStatus.Completed, 4);
        Assert.Equal((TrialStatus.Pending, 2), (script[0].Status, script[0].Attempt));
    }

    [Fact]
    public void AQuestionFromAReplacedAttemptIsAnsweredPause()
    {
        var script = AtAttemptTwo(Specs.Asha);
        var reply = script.Ask(0, 1, 1, 0.9).Reply!;
        Assert.Equal(TrialDecision.Pause, reply.Decision);
        Assert.Contains("replaced by attempt 2", reply.Reason);
        Assert.Equal(0, script[0].EpochsDone);
    }

    [Fact]
    public void ANewerAttemptIsAdopted()
    {
        var script = AtAttemptTwo(Specs.FifoGrid);
        script.Epochs(0, 3, 1);
        Assert.Equal((3, TrialStatus.Running, 1), (script[0].Attempt, script[0].Status, script[0].EpochsDone));
        script.End(0, 3, TrialStatus.Completed, 4);
        Assert.Equal(TrialStatus.Completed, script[0].Status);
    }

    [Fact]
    public void AQuestionAboutAPrunedTrialIsAnsweredStop()
    {
        var script = Started(Specs.Asha, Silo("a"));
        var state = script.Machine.State;
        script.Restore(state with { Trials = state.Trials.SetItem(0, state.Trials[0] with { Status = TrialStatus.Pruned, StopReason = "rung 0" }) }, Silo("a"));
        Assert.Equal(new Directive(TrialDecision.Stop, "rung 0"), script.Ask(0, 1, 1, 0.5).Reply);
    }

    [Fact]
    public void AQuestionAboutATrialThatEndedOtherwiseStopsItThere()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Ask(0, 1, 1, 0.5); // paused at rung 0 ...
        script.Cancel();          // ... and cancelled there; the answer Pause was lost, so it asks again
        Assert.Equal(TrialStatus.Cancelled, script[0].Status);
        var reply = script.Ask(0, 1, 1, 0.5).Reply!;
        Assert.Equal(TrialDecision.Pause, reply.Decision); // not Continue: nothing would record what it trains
        Assert.Contains("Cancelled", reply.Reason);
    }

    [Fact]
    public void AStartWhoseAnswerWasLostStaysInFlightUntilItsTrialIsAsked()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.StartFailed(script.StartOf(0));
        Assert.True(script[0].InFlight); // it may have landed
        script.Epochs(0, 1, 1);          // it did: word from it counts
        Assert.Equal((TrialStatus.Running, 1), (script[0].Status, script[0].EpochsDone));
        script.Tick();                   // and the next tick asks, whatever the reconcile period
        Assert.Equal([0], Assert.Single(script.Last.Commands.OfType<ReconcileTrials>()).TrialIndices);
        script.Reconciled((0, script.Training(0)));
        Assert.Empty(script.Starts());   // not started twice
    }

    [Fact]
    public void AQueuedTrialTakesNoWordFromTheAttemptItWasQueuedAfter()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Observe(); // its silo is gone ...
        script.Settle((0, Idle(attempt: 1))); // ... and so is its run: queued again, with nowhere to go
        Assert.True(script[0].Queued);
        var before = script[0];
        script.Epochs(0, 1, 1);
        Assert.Same(before, script[0]);
        var reply = script.Ask(0, 1, 1, 0.9).Reply!;
        Assert.Equal(TrialDecision.Pause, reply.Decision); // it stops there; the next start supersedes it
        script.End(0, 1, TrialStatus.Completed, 9);
        Assert.Same(before, script[0]);
    }

    [Fact]
    public void ALateQuestionFromBeforeItsPauseDoesNotResumeAPausedTrial()
    {
        var script = PausedAtRungOne();
        var reply = script.Ask(0, 1, 1, 0.9).Reply!; // its question at rung 0, delivered twice
        Assert.Equal(TrialDecision.Pause, reply.Decision);
        Assert.Equal((TrialStatus.Paused, 3, 3), (script[0].Status, script[0].StoppedAtEpoch, script[0].EpochsDone));
        Assert.Empty(script.Starts());
    }

    [Fact]
    public void LateProgressDoesNotMoveAPausedTrialBack()
    {
        var script = PausedAtRungOne();
        script.Epochs(0, 1, 2);
        Assert.Equal((TrialStatus.Paused, 3), (script[0].Status, script[0].EpochsDone));
    }

    // ASHA, three slots: trials 1 and 2 wait at rung 0, trial 0 is promoted there and pauses at rung 1 (epoch 3).
    private static MachineScript PausedAtRungOne()
    {
        var script = Started(Specs.Asha, Silo("a", 3));
        script.AnswerAll();
        script.Ask(1, 1, 1, 0.2);
        script.Ask(2, 1, 1, 0.3);
        Assert.Equal(TrialDecision.Continue, script.Ask(0, 1, 1, 0.9).Reply!.Decision);
        script.Epochs(0, 1, 2);
        Assert.Equal(TrialDecision.Pause, script.Ask(0, 1, 3, 0.8).Reply!.Decision);
        return script;
    }
}
