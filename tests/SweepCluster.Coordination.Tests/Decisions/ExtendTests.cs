// `sweep extend`: new trials are appended (no trial changes its index), drawn by the same seeded searcher, so a random
// search extended by 2 and then by 2 has exactly the trials of its spec with 4 more combinations; new seeds train every
// combination so far. A finished sweep runs again; the extensions are stored, so a restored coordinator plans the same
// trials. What cannot be done is refused with the flag named, and nothing changes.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class ExtendTests
{
    private static SweepPlan Parse(string yaml) => SweepPlan.Create(SweepSpecLoader.Parse(yaml, SpecFormat.Yaml, "sweep.yaml"));

    private static void AssertSameTrials(SweepPlan expected, SweepPlan actual)
    {
        Assert.Equal(expected.TotalTrials, actual.TotalTrials);
        for (var i = 0; i < expected.TotalTrials; i++)
        {
            var (want, got) = (expected.Configuration(i), actual.Configuration(i));
            Assert.Equal((want.Combination, want.Seed), (got.Combination, got.Seed));
            Assert.True(want.Spec.SameAs(got.Spec), $"trial {i}: {expected.Describe(i)} vs {actual.Describe(i)}");
            Assert.Equal(expected.EpochsOf(i), actual.EpochsOf(i));
        }
        Assert.Equal(expected.EpochsPlanned, actual.EpochsPlanned);
    }

    [Fact]
    public void ExtendingARandomSearchTwiceEqualsALargerSweepFromTheStart()
    {
        var extended = Specs.Plan(Specs.FifoRandom).Extend(new SweepExtension(2, [])).Extend(new SweepExtension(2, []));
        AssertSameTrials(Parse(Specs.FifoRandom.Replace("trials: 4", "trials: 8")), extended);
    }

    [Fact]
    public void NewSeedsTrainEveryCombinationAndKeepEveryIndex()
    {
        var plan = Specs.Plan(Specs.FifoGrid); // 3 combinations × seeds 1, 2
        var extended = plan.Extend(new SweepExtension(0, [3]));
        Assert.Equal(9, extended.TotalTrials);
        for (var i = 0; i < 6; i++) Assert.True(plan.SearcherSpec(i).SameAs(extended.SearcherSpec(i)));
        var wider = Parse(Specs.FifoGrid.Replace("seeds: [1, 2]", "seeds: [1, 2, 3]"));
        for (var c = 0; c < 3; c++)
        {
            var added = extended.Configuration(6 + c);
            Assert.Equal((c, 3L), (added.Combination, added.Seed));
            Assert.True(wider.SearcherSpec(c * 3 + 2).SameAs(added.Spec));
        }
    }

    [Fact]
    public void NewCombinationsAfterNewSeedsAreTrainedWithEverySeed()
    {
        var extended = Specs.Plan(Specs.FifoRandom).Extend(new SweepExtension(0, [5])).Extend(new SweepExtension(1, []));
        Assert.Equal(8 + 4 + 3, extended.TotalTrials);
        Assert.Equal([(4, 1L), (4, 2L), (4, 5L)], Enumerable.Range(12, 3).Select(i => (extended.Configuration(i).Combination, extended.Configuration(i).Seed)));
    }

    [Fact]
    public void ExtendingAFinishedSweepRunsItAgainAndQueuesOnlyTheNewTrials()
    {
        var script = Started(Specs.FifoRandom, Silo("a", 8));
        script.AnswerAll();
        foreach (var t in Enumerable.Range(0, 8)) script.End(t, 1, TrialStatus.Completed, 3, 0.6);
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        var before = script.Machine.Trials.ToArray();

        var step = script.Extend(2);
        Assert.Equal(SweepChangeOutcome.Extended, step.Change!.Outcome);
        Assert.Equal(SweepStatus.Running, script.Machine.Status);
        Assert.Null(script.Machine.FinishedAt);
        Assert.Equal(12, script.Machine.Trials.Count);
        Assert.Equal(before, script.Machine.Trials.Take(8));
        Assert.Equal([8, 9, 10, 11], script.Starts().Select(s => s.TrialIndex));
        Assert.Contains(ResumeTicking.Instance, step.Commands);
        Assert.Equal(Persist.Instance, step.Commands[0]);
        Assert.True(script.StartOf(8).Spec.SameAs(Parse(Specs.FifoRandom.Replace("trials: 4", "trials: 5")).SearcherSpec(8)));
    }

    [Fact]
    public void ARestoredCoordinatorPlansTheExtendedTrials()
    {
        var script = Started(Specs.FifoRandom, Silo("a", 2));
        script.Extend(1, 9);
        script.Extend(2);
        var state = script.Machine.State;
        Assert.Equal(2, state.Extensions!.Count);
        var plan = script.Plan;
        script.Restore(state, Silo("a", 2));
        Assert.Equal(plan.TotalTrials, script.Machine.Plan.TotalTrials);
        AssertSameTrials(plan, script.Machine.Plan);
    }

    public static TheoryData<string, int, long[], string> Refusals() => new()
    {
        { Specs.FifoGrid, 2, [], "--trials: sweep fifo-grid is a grid search" },
        { Specs.FifoGrid, 0, [2], "--seeds: sweep fifo-grid already has seed 2" },
        { Specs.FifoGrid, 0, [3, 3], "--seeds: seed 3 is given twice" },
        { Specs.FifoGrid, 0, [], "nothing to add" },
        { Specs.FifoRandom, -1, [], "--trials must be a whole number ≥ 1" },
        { Specs.Pbt, 1, [], "PBT" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void WhatCannotBeDoneIsRefusedAndNothingChanges(string yaml, int combinations, long[] seeds, string message)
    {
        var script = Started(yaml, Silo("a"));
        var before = script.Machine.State;
        var step = script.Extend(combinations, seeds);
        Assert.Equal(SweepChangeOutcome.Refused, step.Change!.Outcome);
        Assert.Contains(message, step.Change.Message);
        Assert.Empty(step.Commands);
        Assert.Equal(before.Trials, script.Machine.State.Trials);
        Assert.Null(script.Machine.State.Extensions);
    }

    [Fact]
    public void AnAshaSweepJoinsNewTrialsToItsRungsWhileItRunsAndRefusesOnceSettled()
    {
        var script = Started(Specs.Asha, Silo("a", 9));
        Assert.Equal(SweepChangeOutcome.Extended, script.Extend(2).Change!.Outcome);
        Assert.Equal(11, script.Machine.Trials.Count);

        var done = Started(Specs.Asha, Silo("a", 9));
        done.AnswerAll();
        foreach (var t in Enumerable.Range(0, 9)) done.End(t, 1, TrialStatus.Completed, 9);
        var refused = done.Extend(2).Change!;
        Assert.Equal(SweepChangeOutcome.Refused, refused.Outcome);
        Assert.Contains("ASHA", refused.Message);
    }

    [Fact]
    public void ACancelledSweepIsResumedBeforeItIsExtended()
    {
        var script = Started(Specs.FifoRandom, Silo("a"));
        script.Cancel();
        var step = script.Extend(1);
        Assert.Equal(SweepChangeOutcome.Refused, step.Change!.Outcome);
        Assert.Contains("sweep resume", step.Change.Message);
        Assert.Equal(8, script.Machine.Trials.Count);
    }

    [Fact]
    public void AnExtensionRepeatedWithItsRequestIdIsTakenOnce()
    {
        var script = Started(Specs.FifoRandom, Silo("a", 8));
        var extension = new SweepExtension(2, []) { Request = Guid.NewGuid() };

        var first = script.Extend(extension);
        var repeated = script.Extend(extension);
        var another = script.Extend(new SweepExtension(2, []) { Request = Guid.NewGuid() });

        Assert.Equal(SweepChangeOutcome.Extended, first.Change!.Outcome);
        Assert.Equal(SweepChangeOutcome.Extended, repeated.Change!.Outcome);
        Assert.Contains("already took this extension", repeated.Change.Message);
        Assert.Equal(SweepChangeOutcome.Extended, another.Change!.Outcome);
        Assert.Equal(8 + 4 + 4, script.Machine.Trials.Count);
        Assert.Equal(2, script.Machine.Plan.Extensions.Count);
    }
}
