// `sweep resume`: a cancelled sweep runs again. Its ended results stay as they were; its cancelled trials go back in
// the queue (or to their boundary, when their scheduler held them there) and start under higher attempt numbers, from
// their checkpoints; trials still stopping from the cancel go back in the queue when they have stopped. A running
// sweep is left alone and a finished one refused, with nothing changed.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class ResumeTests
{
    /// <summary>Trial 0 completed, trial 1 cancelled after 2 epochs, the rest cancelled before they ran.</summary>
    private static MachineScript CancelledMidRun()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Completed, 4, 0.9);
        script.AnswerAll();
        script.Cancel();
        script.End(1, 1, TrialStatus.Cancelled, 2);
        script.End(2, 1, TrialStatus.Cancelled, 0);
        Assert.True(script.Machine.AllEnded);
        return script;
    }

    [Fact]
    public void ResumeKeepsCompletedTrialsAndQueuesCancelledOnesWithHigherAttempts()
    {
        var script = CancelledMidRun();
        var completed = script[0];
        var step = script.Resume();

        Assert.Equal(SweepChangeOutcome.Resumed, step.Change!.Outcome);
        Assert.Equal(SweepStatus.Running, script.Machine.Status);
        Assert.Null(script.Machine.FinishedAt);
        Assert.Same(completed, script[0]);
        Assert.Equal([Persist.Instance, PublishListing.Instance, ResumeTicking.Instance], step.Commands.Take(3));
        // The trial with epochs done goes first (it resumes from its checkpoint), then the rest by index.
        Assert.Equal([1, 2], script.Starts().Select(s => s.TrialIndex));
        Assert.All(script.Starts(), s => Assert.True(s.Attempt > 1, $"trial {s.TrialIndex} restarted as attempt {s.Attempt}"));
        Assert.All(Enumerable.Range(3, 3), t => Assert.Equal(TrialStatus.Pending, script[t].Status));
        Assert.Equal(2, script[1].EpochsDone);
        Assert.Null(script[1].Error);
    }

    [Fact]
    public void AResumedSweepRunsToTheEndAndCompletedResultsNeverChange()
    {
        var script = CancelledMidRun();
        var completed = script[0];
        var starts = new Queue<StartTrial>(script.Resume().Commands.OfType<StartTrial>());
        while (starts.TryDequeue(out var start))
        {
            script.Answer(start);
            foreach (var next in script.End(start.TrialIndex, start.Attempt, TrialStatus.Completed, 4, 0.7).Commands.OfType<StartTrial>())
                starts.Enqueue(next);
        }
        Assert.True(script.Machine.AllEnded);
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        Assert.Same(completed, script[0]);
        Assert.All(script.Machine.Trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
    }

    [Fact]
    public void ATrialStillStoppingFromTheCancelGoesBackInTheQueueWhenItStops()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        script.AnswerAll();
        script.Cancel();
        var step = script.Resume(); // trials 0 and 1 have not stopped yet: nothing to start, no slot free
        Assert.Equal(SweepChangeOutcome.Resumed, step.Change!.Outcome);
        Assert.Empty(script.Starts());

        script.End(0, 1, TrialStatus.Cancelled, 1);
        Assert.Equal(TrialStatus.Pending, script[0].Status);
        Assert.Contains(script.Starts(), s => s.TrialIndex == 0 && s.Attempt > 1);
    }

    [Fact]
    public void ATrialThatFailedWithARetryLeftWhileTheSweepWasCancelledIsRetried()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Cancel();
        script.End(0, 1, TrialStatus.Failed, 1, error: "boom");
        Assert.Equal((TrialStatus.Failed, 1), (script[0].Status, script[0].Failures));
        script.Resume();
        var retry = script.StartOf(0);
        Assert.Equal(1, retry.FailuresCounted); // the grain runs it again rather than hand its failure back
        Assert.True(retry.Attempt > 1);
    }

    [Fact]
    public void ATrialWithoutRetriesLeftStaysFailed()
    {
        var script = Started(Specs.With(Specs.FifoGrid, "max_concurrent: 1").Replace("retries: 1", "retries: 0"), Silo("a"));
        script.Answer(script.StartOf(0));
        script.Cancel();
        script.End(0, 1, TrialStatus.Failed, 1, error: "boom");
        var failed = script[0];
        script.Resume();
        Assert.Same(failed, script[0]);
    }

    [Fact]
    public void ResumingARunningSweepChangesNothing()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        var before = script.Machine.State;
        var step = script.Resume();
        Assert.Equal(SweepChangeOutcome.AlreadyRunning, step.Change!.Outcome);
        Assert.Contains("running", step.Change.Message);
        Assert.Empty(step.Commands);
        Assert.Equal(before.Trials, script.Machine.State.Trials);
    }

    [Fact]
    public void ResumingAFinishedSweepIsRefusedAndPointsToExtend()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 6));
        script.AnswerAll();
        foreach (var t in Enumerable.Range(0, 6)) script.End(t, 1, TrialStatus.Completed, 4);
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        var before = script.Machine.State;
        var step = script.Resume();
        Assert.Equal(SweepChangeOutcome.Refused, step.Change!.Outcome);
        Assert.Contains("sweep extend", step.Change.Message);
        Assert.Empty(step.Commands);
        Assert.Equal(before.Trials, script.Machine.State.Trials);
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
    }

    [Fact]
    public void ATrialPausedAtARungWhenCancelledIsDecidedAboutAgainFromItsCheckpoint()
    {
        var script = Started(Specs.Asha, Silo("a", 2));
        script.AnswerAll();
        script.Ask(0, 1, 1, 0.2); // the first result of rung 0: promoted at once
        script.Ask(1, 1, 1, 0.1); // worse: paused (another trial takes its slot)
        Assert.Equal(TrialStatus.Paused, script[1].Status);
        foreach (var cancel in script.Cancel().Commands.OfType<CancelTrial>().ToArray())
            script.End(cancel.TrialIndex, script[cancel.TrialIndex].Attempt, TrialStatus.Cancelled, script[cancel.TrialIndex].EpochsDone);
        Assert.True(script.Machine.AllEnded);
        script.Resume();
        // Both go back in the queue, the ones with epochs done first; trial 1 asks about its rung again when it starts.
        Assert.Equal(TrialStatus.Pending, script[1].Status);
        Assert.Null(script[1].StoppedAtEpoch);
        var start = script.StartOf(1);
        script.Answer(start);
        Assert.Equal(TrialDecision.Pause, script.Ask(1, start.Attempt, 1, 0.1).Reply!.Decision); // still not in the top third
        Assert.Equal(TrialStatus.Paused, script[1].Status);
    }

    [Fact]
    public void AResumedSweepIsRestoredAsResumed()
    {
        var script = CancelledMidRun();
        script.Resume();
        var state = script.Machine.State;
        script.Restore(state, Silo("a", 2));
        Assert.Equal(SweepStatus.Running, script.Machine.Status);
        Assert.Equal(TrialStatus.Completed, script[0].Status);
    }

    [Fact]
    public void TheLifecycleTablesListTheResumeMoves()
    {
        Assert.True(TrialLifecycle.IsLegal(TrialStatus.Cancelled, TrialStatus.Pending));
        Assert.True(TrialLifecycle.IsLegal(TrialStatus.Failed, TrialStatus.Pending));
        Assert.False(TrialLifecycle.IsLegal(TrialStatus.Cancelled, TrialStatus.Paused));
        Assert.False(TrialLifecycle.IsLegal(TrialStatus.Completed, TrialStatus.Pending));
        Assert.True(SweepLifecycle.IsLegal(SweepStatus.Cancelled, SweepStatus.Running));
        Assert.True(SweepLifecycle.IsLegal(SweepStatus.Completed, SweepStatus.Running));
        Assert.False(SweepLifecycle.IsLegal(SweepStatus.Completed, SweepStatus.Cancelled));
    }
}
