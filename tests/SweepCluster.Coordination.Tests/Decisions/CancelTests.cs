// Cancelling stops the trials that train (they end Cancelled when they stop), cancels the ones that wait, stores and
// publishes at once, and starts nothing more; the sweep ends Cancelled when the last trial has stopped. A trial an
// answer leaves idle after the cancel (paused by its question, its start failed) ends Cancelled too.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class CancelTests
{
    [Fact]
    public void CancelStopsWhatTrainsCancelsWhatWaitsAndEndsWhenTheLastTrialStopped()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        script.AnswerAll();
        var cancel = script.Cancel();
        Assert.Equal([new CancelTrial(0), new CancelTrial(1), Persist.Instance, PublishListing.Instance], cancel.Commands);
        Assert.Equal(SweepStatus.Cancelled, script.Machine.Status);
        Assert.All(Enumerable.Range(2, 4), t => Assert.Equal(TrialStatus.Cancelled, script[t].Status));
        Assert.Null(script.Machine.FinishedAt);

        script.End(0, 1, TrialStatus.Cancelled, 1);
        Assert.Empty(script.Starts());
        var last = script.End(1, 1, TrialStatus.Cancelled, 2);
        Assert.True(script.Machine.AllEnded);
        Assert.Equal(script.Now, script.Machine.FinishedAt);
        Assert.Equal([StopTicking.Instance, Persist.Instance, PublishListing.Instance], last.Commands);
        Assert.Equal(SweepStatus.Cancelled, script.Machine.Status);
    }

    [Fact]
    public void ATrialPausedByAQuestionThatCrossedTheCancelEndsCancelled()
    {
        var script = Started(Specs.Asha, Silo("a", 2));
        script.AnswerAll();
        script.Cancel();
        var reply = script.Ask(0, 1, 1, 0.5).Reply!; // asked before the cancel reached it
        Assert.Equal(TrialDecision.Pause, reply.Decision);
        Assert.Equal(TrialStatus.Cancelled, script[0].Status); // nothing would resume it
        script.End(1, 1, TrialStatus.Cancelled, 0);
        Assert.True(script.Machine.AllEnded);
        Assert.NotNull(script.Machine.FinishedAt);
    }

    [Fact]
    public void ATrialWhoseStartFailedAfterTheCancelEndsCancelledOnceFoundIdle()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        var start = script.StartOf(0);
        script.Cancel();
        script.StartFailed(start);
        script.Settle((0, Idle())); // it never started: nothing will start it now
        Assert.Equal(TrialStatus.Cancelled, script[0].Status);
        Assert.Equal(SweepStatus.Cancelled, script.Machine.Status);
        Assert.NotNull(script.Machine.FinishedAt);
    }
}
