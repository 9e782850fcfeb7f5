// A failed attempt goes back in the queue while the sweep's retries last, then the trial ends Failed. One failure is
// counted once, however often it is heard of.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class RetryTests
{
    [Fact]
    public void AFailedAttemptIsRetriedWhileRetriesRemainThenTheTrialEndsFailed()
    {
        var script = Started(Specs.FifoGrid, Silo("a")); // retries: 1
        script.Answer(script.StartOf(0));
        script.End(0, 1, TrialStatus.Failed, 2, error: "out of memory");
        Assert.Equal((TrialStatus.Pending, 1), (script[0].Status, script[0].Failures));
        var retry = script.StartOf(0); // first in the queue: it has epochs done
        Assert.Equal(2, retry.Attempt);

        script.Answer(retry);
        script.End(0, 2, TrialStatus.Failed, 2, error: "out of memory");
        Assert.Equal((TrialStatus.Failed, 2, "out of memory"), (script[0].Status, script[0].Failures, script[0].Error));
        Assert.Equal(1, Assert.Single(script.Starts()).TrialIndex); // the slot goes to the next trial
    }

    [Fact]
    public void AFailureReportedTwiceIsCountedOnce()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Observe(); // the silo left: the retry waits in the queue
        script.End(0, 1, TrialStatus.Failed, 1);
        script.End(0, 1, TrialStatus.Failed, 1);
        Assert.Equal((TrialStatus.Pending, 1), (script[0].Status, script[0].Failures));
    }

    [Fact]
    public void AFailureFoundByReconciliationBeforeItsReportCameIsCountedOnce()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Observe();
        script.Tick();
        Assert.Equal([0], Assert.Single(script.Last.Commands.OfType<ReconcileTrials>()).TrialIndices);
        script.Reconciled((0, View(TrialStatus.Failed, 1, 1, training: false)));
        script.End(0, 1, TrialStatus.Failed, 1);
        Assert.Equal((TrialStatus.Pending, 1), (script[0].Status, script[0].Failures));
    }

    [Fact]
    public void ATrialOfACancelledSweepIsNotRetried()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Cancel();
        script.End(0, 1, TrialStatus.Failed, 1);
        Assert.Equal((TrialStatus.Failed, 1), (script[0].Status, script[0].Failures));
        Assert.Empty(script.Starts());
    }
}
