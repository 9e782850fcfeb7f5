// Decisions are stored before anyone acts on them: a question's answer comes after its Persist, and so does every
// start (a PBT restart, the next trial in a freed slot); a start leaves only once its attempt number is stored.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class PersistBeforeAnswerTests
{
    [Fact]
    public void AQuestionsDecisionIsStoredBeforeItIsAnsweredAndBeforeItsSlotIsReused()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        var step = script.Ask(0, 1, 1, 0.5);
        Assert.Equal(TrialDecision.Pause, step.Reply!.Decision); // the host answers after carrying out the commands
        Assert.IsType<Persist>(step.Commands[0]);
        Assert.Equal(1, Assert.IsType<StartTrial>(step.Commands[1]).TrialIndex);
        Assert.Equal(1, script.Machine.State.Trials[1].Attempt); // what the Persist stores holds the start's attempt
    }

    [Fact]
    public void AContinueIsStoredBeforeItIsAnsweredToo()
    {
        var script = Started(Specs.Asha, Silo("a", 3));
        script.AnswerAll();
        script.Ask(1, 1, 1, 0.2);
        script.Ask(2, 1, 1, 0.3);
        var promoted = script.Ask(0, 1, 1, 0.9);
        Assert.Equal(TrialDecision.Continue, promoted.Reply!.Decision);
        Assert.Contains(Persist.Instance, promoted.Commands);
    }

    [Fact]
    public void APbtGenerationIsStoredBeforeItsRestartsStart()
    {
        var step = PbtGeneration.Released().Last;
        var firstStart = step.Commands.ToList().FindIndex(c => c is StartTrial);
        Assert.InRange(step.Commands.ToList().IndexOf(Persist.Instance), 0, firstStart - 1);
    }

    [Fact]
    public void EveryStartCarriesANumberReservedInStorageAndMostNeedNoWrite()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        Assert.Equal([Persist.Instance, PublishListing.Instance], script.Last.Commands.Take(2));
        var stored = script.Machine.State; // what that Persist stored
        script.Answer(script.StartOf(0));
        var end = script.End(0, 1, TrialStatus.Completed, 4); // decides nothing for the scheduler, yet starts trial 1
        var start = Assert.Single(end.Commands.OfType<StartTrial>());
        Assert.Equal(1, start.TrialIndex);
        Assert.DoesNotContain(Persist.Instance, end.Commands);
        Assert.True(stored.Trials[1].AttemptCeiling >= start.Attempt, "the start's number was reserved before it left");
    }

    [Fact]
    public void ARestoredCoordinatorNumbersAboveEveryReservedNumberAndStoresTheNewReserveFirst()
    {
        var script = new MachineScript(Specs.FifoGrid);
        script.Handle(new SweepStarted("grid", script.Now)); // no silo yet: every trial waits in the queue
        var stored = script.Machine.State;
        script.Restore(stored, Silo("a"));
        var asked = Assert.Single(script.Tick().Commands.OfType<ReconcileTrials>()); // the restored machine asks first
        var step = script.Reconciled(asked.TrialIndices.Select(t => (t, (TrialView?)Idle())).ToArray());
        var commands = step.Commands.ToList();
        var first = commands.FindIndex(c => c is StartTrial);
        Assert.InRange(commands.IndexOf(Persist.Instance), 0, first - 1);
        var start = (StartTrial)commands[first];
        Assert.True(start.Attempt > stored.Trials[start.TrialIndex].AttemptCeiling, "a number the first coordinator may have sent is sent again");
        Assert.True(script.Machine.State.Trials[start.TrialIndex].AttemptCeiling >= start.Attempt);
    }

    [Fact]
    public void AQuestionAskedAgainAfterALostAnswerGetsTheSameAnswerWithoutDecidingAgain()
    {
        var script = Started(Specs.Asha, Silo("a"));
        script.Answer(script.StartOf(0));
        var first = script.Ask(0, 1, 1, 0.5);
        var again = script.Ask(0, 1, 1, 0.5);
        Assert.Equal(first.Reply, again.Reply);
        Assert.Empty(again.Commands);
    }
}
