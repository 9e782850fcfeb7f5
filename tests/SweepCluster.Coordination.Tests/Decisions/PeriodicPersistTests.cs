// A tick stores what changed since the last store (results that needed no store of their own). The state is written
// whole, so a large sweep's ticks store it further apart, in proportion to its trials; the stores a start or a
// decision needs are made at once whatever the size.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PeriodicPersistTests
{
    /// <summary>100,000 one-epoch trials: ticks store the state at least ten seconds apart.</summary>
    private const string Large = """
        name: large
        dataset: iris
        search: { strategy: random, trials: 100000, seed: 3 }
        learning_rate: { loguniform: [0.001, 0.5] }
        epochs: 1
        """;

    [Fact]
    public void ASmallSweepStoresAResultAtTheNextTick()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.Answer(script.StartOf(0));
        var end = script.End(0, 1, TrialStatus.Completed, 4);
        Assert.DoesNotContain(Persist.Instance, end.Commands); // no trial scheduler decided anything: the tick stores it

        var tick = script.Settle();

        Assert.Contains(Persist.Instance, tick.Commands);
        Assert.Equal(TrialStatus.Completed, script.Machine.State.Trials[0].Status);
    }

    [Fact]
    public void ALargeSweepsTicksStoreItFurtherApartAndLoseNoResult()
    {
        var script = Started(Large, Silo("a")); // stored at its start, 2 s in
        var stored = script.Machine.State;
        script.Answer(script.StartOf(0));
        script.End(0, 1, TrialStatus.Completed, 1);

        var early = script.Settle(); // 4 s after the last store: not yet
        Assert.DoesNotContain(Persist.Instance, early.Commands);
        Assert.True(script.Machine.Dirty);

        // A coordinator restored now starts from the older store: trial 0 is not ended there, and asking it says it is.
        Assert.NotEqual(TrialStatus.Completed, stored.Trials[0].Status);

        var due = script.Tick(6); // 10 s after the last store
        Assert.Contains(Persist.Instance, due.Commands);
        Assert.Equal(TrialStatus.Completed, script.Machine.State.Trials[0].Status);
        Assert.False(script.Machine.Dirty);
    }

    [Fact]
    public void ALargeSweepStillStoresBeforeEveryDecisionItAnswers()
    {
        var script = Started(Large.Replace("epochs: 1", "epochs: 9") + "\nscheduler: { type: asha, min_epochs: 1, eta: 3 }", Silo("a"));
        script.Answer(script.StartOf(0));

        var asked = script.Ask(0, 1, 1, 0.5);

        Assert.Contains(Persist.Instance, asked.Commands);
    }
}
