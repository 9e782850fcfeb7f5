// A trial that paused at a decision epoch without the coordinator knowing (its question never arrived, or the machine
// was restored from older state) is found paused by reconciliation and shown to its scheduler again, so the rung or
// the PBT generation waiting there counts it.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PauseAdoptionTests
{
    [Fact]
    public void ATrialFoundPausedAtADecisionEpochIsShownToTheSchedulerAgain()
    {
        var script = PbtGeneration.Waiting();
        script.Tick(); // member 3 reached epoch 2 too, but its question never came: it paused there by itself
        Assert.Equal([PbtGeneration.Copier], Assert.Single(script.Last.Commands.OfType<ReconcileTrials>()).TrialIndices);
        script.Reconciled((PbtGeneration.Copier, View(TrialStatus.Paused, 1, 2, training: false, metric: 0.2)));

        // The generation counted it and was released: the worst copies the best, every member goes on.
        Assert.Equal(2, script[PbtGeneration.Copier].EpochsDone);
        Assert.Equal(PbtGeneration.Donor, script[PbtGeneration.Copier].PendingRestart?.Donor);
        Assert.All(Enumerable.Range(0, 4), t => Assert.Equal(TrialStatus.Pending, script[t].Status));
        Assert.Equal(PbtGeneration.Copier, script.Starts()[0].TrialIndex);
    }

    [Fact]
    public void AnAshaTrialFoundPausedAtItsRungIsCountedThereAndItsSlotIsReused()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Tick(); // its question at rung 0 got no answer: it paused there by itself
        script.Reconciled((0, View(TrialStatus.Paused, 1, 1, training: false, metric: 0.9)));
        Assert.Equal((TrialStatus.Paused, 1, 1, 0.9), (script[0].Status, script[0].StoppedAtEpoch, script[0].EpochsDone, script[0].LastMetric));
        Assert.Equal(1, Assert.Single(script.Starts()).TrialIndex);

        // Two more results at rung 0: trial 0, the best of three, is promoted from its pause.
        script.Answer(script.StartOf(1));
        script.Ask(1, 1, 1, 0.2);
        script.Answer(script.StartOf(2));
        script.Ask(2, 1, 1, 0.3);
        Assert.Equal(TrialStatus.Pending, script[0].Status);
        Assert.Equal((0, 2), (script.Starts()[0].TrialIndex, script.Starts()[0].Attempt));
    }
}
