// The sweep ends when every trial has: Completed when any trial completed or was pruned, Failed otherwise; the end is
// stored, then published, and the tick stops. ASHA prunes its paused trials once nothing else can arrive.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class SweepEndTests
{
    [Fact]
    public void ASweepWhoseTrialsCompletedEndsCompletedStoredThenPublished()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 6));
        script.AnswerAll();
        for (var trial = 0; trial < 5; trial++)
        {
            var step = script.End(trial, 1, TrialStatus.Completed, 4, metric: 0.5 + trial / 100.0);
            Assert.DoesNotContain(StopTicking.Instance, step.Commands);
        }
        var last = script.End(5, 1, TrialStatus.Completed, 4, metric: 0.3);
        Assert.Equal([StopTicking.Instance, Persist.Instance, PublishListing.Instance], last.Commands);
        Assert.Equal((SweepStatus.Completed, script.Now), (script.Machine.Status, script.Machine.FinishedAt));
        var tally = script.Machine.Tally();
        Assert.Equal(6, tally.Counts[TrialStatus.Completed]);
        Assert.Equal((4, 0.54), (tally.BestTrial, tally.BestMetric));
        Assert.Equal(24, tally.EpochsDone);
    }

    [Fact]
    public void ASweepWhoseTrialsAllFailedEndsFailed()
    {
        var script = Started(Specs.FifoGrid.Replace("retries: 1", "retries: 0"), Silo("a", 6));
        script.AnswerAll();
        for (var trial = 0; trial < 6; trial++) script.End(trial, 1, TrialStatus.Failed, 1, error: "bad data");
        Assert.Equal(SweepStatus.Failed, script.Machine.Status);
        Assert.Contains(StopTicking.Instance, script.Last.Commands);
    }

    [Fact]
    public void AshaPrunesItsPausedTrialsOnceNothingElseCanArriveAndTheSweepCompletes()
    {
        var script = Started(Specs.Asha, Silo("a", 9));
        script.AnswerAll();
        var paused = new List<int>();
        for (var trial = 0; trial < 9; trial++)
        {
            if (script.Ask(trial, 1, 1, 0.1 * (trial + 1)).Reply!.Decision == TrialDecision.Pause) paused.Add(trial);
        }
        var promoted = Enumerable.Range(0, 9).Where(t => script[t].Status != TrialStatus.Paused).ToArray();
        Assert.Equal(9, paused.Count + promoted.Length);
        foreach (var trial in promoted.SkipLast(1)) script.End(trial, script[trial].Attempt, TrialStatus.Completed, 9);
        Assert.Null(script.Machine.FinishedAt);

        var last = script.End(promoted[^1], script[promoted[^1]].Attempt, TrialStatus.Completed, 9);
        var stillPaused = paused.Where(t => !promoted.Contains(t)).ToArray();
        Assert.Equal(stillPaused, last.Commands.OfType<PruneTrial>().Select(p => p.TrialIndex));
        Assert.All(stillPaused, t => Assert.Equal((TrialStatus.Pruned, 1), (script[t].Status, script[t].StoppedAtEpoch)));
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        Assert.Contains(PublishListing.Instance, last.Commands);
    }
}
