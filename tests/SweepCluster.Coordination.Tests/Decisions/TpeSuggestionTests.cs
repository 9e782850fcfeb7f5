// A TPE sweep's suggestions in the coordinator's state machine: a combination's trials start only once it is
// suggested, a suggestion waits for the results its window says it sees and is stored before its trials start, the
// suggested values are what the trials run, and a restored coordinator keeps them. The randomized worlds
// (RandomizedSweepTests, sweep "tpe") check that the suggestions are the same whatever the silos, slots and order.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Tuning.Search;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class TpeSuggestionTests
{
    // Specs.Tpe: 10 combinations × seeds 1, 2 (trial = combination × 2 + seed position), 3 epochs, window 2, 3 Sobol starts.

    [Fact]
    public void OnlyTheWindowsCombinationsStartWhateverTheFreeSlots()
    {
        var script = Started(Specs.Tpe, Silo("a", 4), Silo("b", 4), Silo("c", 4));
        Assert.Equal([0, 1, 2, 3], script.Starts().Select(s => s.TrialIndex).Order());
        Assert.Equal(2, script.Plan.Suggestions.Count);
        Assert.Contains(Persist.Instance, script.Last.Commands);
        Assert.True(script.Last.Commands.ToList().IndexOf(Persist.Instance) < script.Last.Commands.ToList().FindIndex(c => c is StartTrial));
    }

    [Fact]
    public void TheNextCombinationWaitsForEverySeedOfTheOneItSees()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Completed, 3, metric: 0.9);
        Assert.Empty(script.Starts()); // combination 0's second seed still trains
        Assert.Equal(2, script.Plan.Suggestions.Count);
        script.End(1, 1, TrialStatus.Completed, 3, metric: 0.8);
        Assert.Equal([4, 5], script.Starts().Select(s => s.TrialIndex).Order());
        Assert.Equal(3, script.Plan.Suggestions.Count);
    }

    [Fact]
    public void TheTrialsRunTheSuggestedValuesAndEverySeedTheSame()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        var searcher = (TpeSearcher)script.Plan.Searcher;
        var values = script.Plan.Suggestions[1].ToDictionary();
        var expected = searcher.Bind(2, 1, 1, values).Spec;
        Assert.True(script.StartOf(2).Spec.SameAs(expected));
        Assert.True(script.StartOf(3).Spec.SameAs(expected with { Seed = 2 }));
        Assert.Equal(values, searcher.Suggest(1, [], []).Values); // a Sobol start: nothing was visible
    }

    [Fact]
    public void AfterTheStartSuggestionsLearnFromTheResultsTheyMaySee()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        for (var combination = 0; combination < 6; combination++)
        {
            script.AnswerAll();
            foreach (var trial in script.Plan.TrialsOf(combination))
                script.End(trial, 1, TrialStatus.Completed, 3, metric: 0.5 + 0.05 * combination);
        }
        var searcher = (TpeSearcher)script.Plan.Searcher;
        var (visible, pending) = SuggestionVisibility.For(script.Plan, script.Machine.Trials, 6, searcher.MustSettleBefore(6));
        Assert.Equal([0, 1, 2, 3, 4], visible.Select(o => o.TrialIndex));
        Assert.Equal([5], pending.Select(o => o.TrialIndex));
        Assert.Equal(-0.7, visible[^1].Score, 12); // maximised accuracy, negated
        var again = searcher.Suggest(6, visible, pending);
        Assert.False(again.Startup);
        Assert.Equal(again.Values, script.Plan.Suggestions[6].ToDictionary());
    }

    [Fact]
    public void ARestoredCoordinatorKeepsItsSuggestions()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        var stored = script.Machine.State;
        Assert.Equal(2, stored.Suggestions!.Count);
        var restored = SweepMachine.Restore(Specs.Plan(Specs.Tpe), stored, ReconcilePeriod);
        Assert.Equal(stored.Suggestions, restored.Plan.Suggestions);
        Assert.True(restored.Plan.IsSuggested(3));
        Assert.False(restored.Plan.IsSuggested(4));
    }

    [Fact]
    public void GridAndRandomSweepsStoreNoSuggestions()
    {
        Assert.Null(Started(Specs.FifoGrid, Silo("a", 2)).Machine.State.Suggestions);
        Assert.Null(Started(Specs.Asha, Silo("a", 2)).Machine.State.Suggestions);
    }

    [Fact]
    public void AFailedOrDivergedCombinationIsNoResultOrTheWorst()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Diverged, 1);
        script.End(1, 1, TrialStatus.Completed, 3, metric: 0.9);
        foreach (var trial in new[] { 2, 3 })
        {
            script.End(trial, 1, TrialStatus.Failed, 1, error: "boom");
            script.AnswerAll(); // its retry
            script.End(trial, 2, TrialStatus.Failed, 1, error: "boom");
        }
        Assert.Equal(TrialStatus.Failed, script[3].Status);
        Assert.Equal(double.PositiveInfinity, SuggestionVisibility.Observe(script.Plan, script.Machine.Trials, 0)!.Score);
        Assert.Null(SuggestionVisibility.Observe(script.Plan, script.Machine.Trials, 1));
    }

    [Fact]
    public void AnExtensionsSuggestionsLearnFromEveryResultSoFar()
    {
        var script = Started(Specs.Tpe, Silo("a", 8));
        for (var combination = 0; combination < 10; combination++)
        {
            script.AnswerAll();
            foreach (var trial in script.Plan.TrialsOf(combination))
                script.End(trial, 1, TrialStatus.Completed, 3, metric: 0.5 + 0.01 * combination);
        }
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        script.Extend(combinations: 2);
        Assert.Equal(12, script.Plan.Suggestions.Count); // both new combinations see every result they need (window 2)
        Assert.Equal([20, 21, 22, 23], script.Starts().Select(s => s.TrialIndex).Order());
        var (visible, pending) = SuggestionVisibility.For(script.Plan, script.Machine.Trials, 10, ((TpeSearcher)script.Plan.Searcher).MustSettleBefore(10));
        Assert.Equal(Enumerable.Range(0, 9), visible.Select(o => o.TrialIndex));
        Assert.Equal([9], pending.Select(o => o.TrialIndex));
        Assert.False(script.Plan.Suggestions[10].Startup);
    }
}
