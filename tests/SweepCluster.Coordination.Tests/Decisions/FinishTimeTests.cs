// When a trial finished: stamped with the event's time as it reaches a terminal status, kept while it stays there,
// and cleared when a resumed sweep queues it again, so the stamp is always its last finish.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class FinishTimeTests
{
    [Fact]
    public void A_trial_is_stamped_with_the_time_of_the_event_that_ended_it()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        script.AnswerAll();
        Assert.Null(script[0].FinishedAt);

        script.End(0, 1, TrialStatus.Completed, 4, 0.9);
        var firstEnd = script.Now;
        script.End(1, 1, TrialStatus.Completed, 4, 0.8);

        Assert.Equal(firstEnd, script[0].FinishedAt);
        Assert.Equal(script.Now, script[1].FinishedAt);
        Assert.True(script[0].FinishedAt < script[1].FinishedAt);
        Assert.All(Enumerable.Range(2, 4), t => Assert.Null(script[t].FinishedAt));
    }

    [Fact]
    public void A_cancelled_trial_that_a_resume_queues_again_loses_its_stamp_and_a_completed_one_keeps_it()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 2));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Completed, 4, 0.9);
        var completedAt = script[0].FinishedAt;
        script.AnswerAll();
        script.Cancel();
        script.End(1, 1, TrialStatus.Cancelled, 2);
        Assert.NotNull(script[1].FinishedAt);

        script.Resume();

        Assert.Equal(completedAt, script[0].FinishedAt);
        Assert.Null(script[1].FinishedAt);
    }
}
