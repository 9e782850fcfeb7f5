// Which queued trial goes next: PBT restarts first (their donors wait for them), then trials that resume with epochs
// done (ASHA prefers a promotion to a new trial), then the rest by index.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class DispatchOrderTests
{
    [Fact]
    public void NewTrialsStartInIndexOrder()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        Assert.Equal([0, 1], script.Starts().Select(s => s.TrialIndex));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Completed, 4);
        Assert.Equal(2, Assert.Single(script.Starts()).TrialIndex);
    }

    [Fact]
    public void RestartsGoFirstThenTrialsWithEpochsDoneThenTheRestByIndex()
    {
        var restart = new PendingRestart(Donor: 0, Epoch: 2, 1.2, 1, 1, null);
        var trials = Enumerable.Range(0, 5).Select(TrialSummary.Fresh).ToImmutableList()
            .SetItem(1, TrialSummary.Fresh(1) with { EpochsDone = 2 })
            .SetItem(3, TrialSummary.Fresh(3) with { EpochsDone = 2, PendingRestart = restart })
            .SetItem(4, TrialSummary.Fresh(4) with { EpochsDone = 4 });
        var book = new TrialBook(Specs.Plan(Specs.Pbt), trials);
        Assert.Equal([3, 1, 4, 0, 2], book.NextQueued(5));
        Assert.Equal([3, 1], book.NextQueued(2));
    }

    [Fact]
    public void APromotedTrialResumesBeforeANewTrialStarts()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        script.Ask(0, 1, 1, 0.9); // the first result at rung 0: not in the top third of one, paused
        script.Answer(script.StartOf(1));
        script.Ask(1, 1, 1, 0.5);
        script.Answer(script.StartOf(2));
        var third = script.Ask(2, 1, 1, 0.1); // three results: trial 0, the best, is promoted
        Assert.Equal(TrialDecision.Pause, third.Reply!.Decision);
        var resumed = Assert.Single(script.Starts());
        Assert.Equal((0, 2), (resumed.TrialIndex, resumed.Attempt)); // before trial 3, which has not started yet
    }
}
