// Pipelining short trials: while a FIFO sweep's trials train for less than DispatchLookahead.ShortTrial, each silo
// gets WaitingPerSilo trials beyond its slots, waiting for the next free one; with long trials, a trial scheduler or a
// max_concurrent cap, one trial per slot as before.
using SweepCluster.Core;
using SweepCluster.Coordination.State;
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class LookaheadTests
{
    private static readonly double Short = DispatchLookahead.ShortTrial.TotalSeconds / 100;
    private static readonly double Long = DispatchLookahead.ShortTrial.TotalSeconds * 10;

    [Fact]
    public void NoLookaheadBeforeATrialHasCompleted()
    {
        Assert.Equal(0, new DispatchLookahead().PerSilo(SchedulerKind.Fifo));
    }

    [Fact]
    public void ShortFifoTrialsGetWaitingTrialsOnEachSilo()
    {
        var lookahead = new DispatchLookahead();
        lookahead.Observe(Short);
        Assert.Equal(DispatchLookahead.WaitingPerSilo, lookahead.PerSilo(SchedulerKind.Fifo));
        Assert.Equal(0, lookahead.PerSilo(SchedulerKind.Asha));
        Assert.Equal(0, lookahead.PerSilo(SchedulerKind.Pbt));
    }

    [Fact]
    public void LongTrialsGetNone()
    {
        var lookahead = new DispatchLookahead();
        lookahead.Observe(Long);
        Assert.Equal(0, lookahead.PerSilo(SchedulerKind.Fifo));
    }

    [Fact]
    public void TheAverageFollowsAChangeOfPaceWithinAFewTrials()
    {
        var lookahead = new DispatchLookahead();
        lookahead.Observe(Short);
        lookahead.Observe(Long);
        Assert.Equal(0, lookahead.PerSilo(SchedulerKind.Fifo)); // one long trial is enough to stop pipelining
        var trials = 0;
        while (lookahead.PerSilo(SchedulerKind.Fifo) == 0 && trials < 100)
        {
            lookahead.Observe(Short);
            trials++;
        }
        Assert.InRange(trials, 2, 10);
    }

    [Fact]
    public void NonsenseTimesAreIgnored()
    {
        var lookahead = new DispatchLookahead();
        lookahead.Observe(double.NaN);
        lookahead.Observe(-1);
        Assert.Null(lookahead.AverageTrial);
    }

    [Fact]
    public void AfterAShortTrialASiloGetsTrialsWaitingBehindItsSlot()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        Assert.Equal([0], script.Starts().Select(s => s.TrialIndex));
        script.AnswerAll();
        var step = EndShort(script, 0);
        Assert.Equal(Enumerable.Range(1, 1 + DispatchLookahead.WaitingPerSilo), script.Starts(step).Select(s => s.TrialIndex));
        Assert.All(script.Starts(step), start => Assert.Equal("a:11111@1", start.Silo));
    }

    [Fact]
    public void EverySiloGetsAsManyWaitingTrials()
    {
        var script = Started(Specs.FifoRandom, Silo("a"), Silo("b"));
        Assert.Equal([0, 1], script.Starts().Select(s => s.TrialIndex));
        script.AnswerAll();
        var step = EndShort(script, 0);
        // a's slot is free and b's trains trial 1: a takes one trial to train and its waiting ones, b its waiting ones.
        var perSilo = script.Starts(step).GroupBy(s => s.Silo).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1 + DispatchLookahead.WaitingPerSilo, perSilo["a:11111@1"]);
        Assert.Equal(DispatchLookahead.WaitingPerSilo, perSilo["b:11111@1"]);
        Assert.Equal(2 * (1 + DispatchLookahead.WaitingPerSilo), script.Machine.InFlight().Count);
    }

    [Fact]
    public void LongTrialsKeepOneTrialPerSlot()
    {
        var script = Started(Specs.FifoGrid, Silo("a"));
        script.AnswerAll();
        var step = script.End(0, script[0].Attempt, TrialStatus.Completed, 4); // 4 s of training
        Assert.Equal(1, Assert.Single(script.Starts(step)).TrialIndex);
    }

    [Fact]
    public void MaxConcurrentStillCapsTheTrialsInFlight()
    {
        var script = Started(Specs.With(Specs.FifoGrid, "max_concurrent: 1"), Silo("a", 2));
        script.AnswerAll();
        var step = EndShort(script, 0);
        Assert.Equal(1, Assert.Single(script.Starts(step)).TrialIndex);
    }

    [Fact]
    public void AshaSweepsKeepOneTrialPerSlot()
    {
        var script = Started(Specs.Asha, Silo("a"));
        Assert.Single(script.Starts());
        script.AnswerAll();
        var step = script.Handle(new AttemptEnded(
            new TrialEnd(0, script[0].Attempt, TrialStatus.Pruned, Record(1, 0.1), null, "a:11111", Short), script.Now.AddSeconds(1)));
        Assert.True(script.Starts(step).Count <= 1);
    }

    private static Step EndShort(MachineScript script, int trial) =>
        script.Handle(new AttemptEnded(
            new TrialEnd(trial, script[trial].Attempt, TrialStatus.Completed, Record(4, 0.9), null, "a:11111", Short), script.Now.AddSeconds(1)));
}
