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
    public void EveryStartLeavesAfterAPersist()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        Assert.Equal([Persist.Instance, PublishListing.Instance], script.Last.Commands.Take(2));
        script.Answer(script.StartOf(0));
        var end = script.End(0, 1, TrialStatus.Completed, 4); // decides nothing for the scheduler, yet starts trial 1
        Assert.IsType<Persist>(end.Commands[0]);
        Assert.Equal(1, Assert.IsType<StartTrial>(end.Commands[1]).TrialIndex);
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
