// A silo's loss is noticed at the next tick, which reconciles at once: a trial that is not training any more goes back
// in the queue to resume from its checkpoint; one training on another live silo (its start landed elsewhere) is
// followed there; one that does not answer stays where it was; a result found there is applied.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class LostSiloTests
{
    // Trials 0, 1 and 2 train on silos a, b and c; then b dies.
    private static MachineScript SiloBLost()
    {
        var script = Started(Specs.FifoGrid, Silo("a"), Silo("b"), Silo("c"));
        script.AnswerAll();
        script.Settle(); // the first tick reconciles; the next ones wait for the reconcile period
        Assert.Equal("b:11111@1", script[1].AssignedSilo);
        script.Observe(Silo("a"), Silo("c"));
        script.Tick();
        Assert.Equal([0, 1, 2], Assert.Single(script.Last.Commands.OfType<ReconcileTrials>()).TrialIndices); // at once: b is gone
        return script;
    }

    private static (int, TrialView?) Training(int trial, string endpoint) => (trial, View(TrialStatus.Running, 1, 1, training: true, silo: endpoint));

    [Fact]
    public void ATickReconcilesOnlyWhenDueOrWhenASiloWasLost()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Settle();
        script.Tick(5);
        Assert.Empty(script.Last.Commands.OfType<ReconcileTrials>());
        script.Tick((int)ReconcilePeriod.TotalSeconds);
        Assert.Single(script.Last.Commands.OfType<ReconcileTrials>());
    }

    [Fact]
    public void ATrialThatIsNotTrainingAnyMoreIsQueuedAndStartsAgainOnALiveSilo()
    {
        var script = SiloBLost();
        script.Reconciled(Training(0, "a:11111"), (1, View(TrialStatus.Running, 1, 2, training: false, silo: "b:11111")), Training(2, "c:11111"));
        Assert.Equal((TrialStatus.Pending, null), (script[1].Status, script[1].AssignedSilo));
        script.End(0, 1, TrialStatus.Completed, 4);
        var again = script.StartOf(1);
        Assert.Equal((2, "a:11111@1"), (again.Attempt, again.Silo));
    }

    [Fact]
    public void ATrialTrainingOnAnotherLiveSiloIsFollowedThere()
    {
        var script = SiloBLost();
        script.Reconciled(Training(0, "a:11111"), Training(1, "c:11111"), Training(2, "c:11111"));
        Assert.Equal((TrialStatus.Pending, "c:11111@1", 1), (script[1].Status, script[1].AssignedSilo, script[1].Attempt));
        Assert.Empty(script.Starts());
    }

    [Fact]
    public void ATrialThatDoesNotAnswerStaysWhereItWas()
    {
        var script = SiloBLost();
        var before = script[1];
        script.Reconciled(Training(0, "a:11111"), (1, null), Training(2, "c:11111"));
        Assert.Same(before, script[1]);
    }

    [Fact]
    public void AResultFoundByReconciliationIsApplied()
    {
        var script = SiloBLost();
        script.Reconciled(Training(0, "a:11111"), (1, View(TrialStatus.Completed, 1, 4, training: false, silo: "b:11111", metric: 0.7)), Training(2, "c:11111"));
        Assert.Equal((TrialStatus.Completed, 4, 0.7), (script[1].Status, script[1].EpochsDone, script[1].LastMetric));
    }
}
