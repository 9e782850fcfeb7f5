// Where a trial goes: the live silo with the most free slots, ties to the lower key; never more than max_concurrent
// in flight; nowhere while the membership is unknown.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PlacementTests
{
    private static readonly Dictionary<string, int> NoLoad = [];

    [Fact]
    public void TheSiloWithTheMostFreeSlotsIsChosen()
    {
        var slots = new Dictionary<string, int> { ["a"] = 2, ["b"] = 3 };
        Assert.Equal("b", TrialPlacement.Choose(slots, NoLoad));
        Assert.Equal("a", TrialPlacement.Choose(slots, new Dictionary<string, int> { ["b"] = 2 }));
    }

    [Fact]
    public void TiesGoToTheLowerKeyInOrdinalOrder()
    {
        Assert.Equal("a", TrialPlacement.Choose(new Dictionary<string, int> { ["b"] = 2, ["a"] = 2 }, NoLoad));
        Assert.Equal("B", TrialPlacement.Choose(new Dictionary<string, int> { ["a"] = 1, ["B"] = 1 }, NoLoad));
    }

    [Fact]
    public void NoSiloWhenEverySlotIsTaken()
    {
        Assert.Null(TrialPlacement.Choose(new Dictionary<string, int> { ["a"] = 1 }, new Dictionary<string, int> { ["a"] = 1 }));
        Assert.Null(TrialPlacement.Choose(NoLoad, NoLoad));
    }

    [Fact]
    public void TheStartsFillTheFreestSiloFirst()
    {
        var script = Started(Specs.FifoGrid, Silo("b", 1), Silo("a", 2));
        Assert.Equal(["a:11111@1", "a:11111@1", "b:11111@1"], script.Starts().Select(s => s.Silo));
        Assert.Equal("a:11111@1", script[0].AssignedSilo);
    }

    [Fact]
    public void MaxConcurrentCapsTheTrialsInFlight()
    {
        var script = Started(Specs.With(Specs.FifoGrid, "max_concurrent: 2"), Silo("a", 4));
        Assert.Equal([0, 1], script.Starts().Select(s => s.TrialIndex));
        script.AnswerAll();
        script.Settle();
        Assert.Empty(script.Starts());
        script.End(0, 1, TrialStatus.Completed, 4);
        Assert.Equal(2, Assert.Single(script.Starts()).TrialIndex);
    }

    [Fact]
    public void NothingStartsBeforeTheMembershipIsKnown()
    {
        var script = new MachineScript(Specs.FifoGrid);
        script.Handle(new SweepStarted("fifo-grid", script.Now));
        Assert.Empty(script.Starts());
        script.Tick();
        Assert.Empty(script.Starts());
        script.Observe(Silo("a"));
        Assert.Empty(script.Starts()); // the membership is noted; the next tick dispatches
        script.Tick();
        Assert.Equal(0, Assert.Single(script.Starts()).TrialIndex);
    }
}
