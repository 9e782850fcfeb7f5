// An NSGA-II sweep's suggestions in the coordinator's state machine: a generation's combinations are suggested and
// start together, the next generation waits until every combination of the earlier ones has settled, its suggestions
// are bred from their completed objective means, they are the same whatever the free slots and the order results
// arrive in, and a restored coordinator keeps them.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Tuning.Search;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class NsgaIISuggestionTests
{
    // Specs.NsgaII: 8 combinations × seeds 1, 2 (trial = combination × 2 + seed position), 3 epochs, population 4.
    private const int Population = 4;

    /// <summary>A metric that differs from trial to trial in no particular order.</summary>
    private static double MetricOf(int trial) => 0.3 + trial * 7 % 11 / 20.0;

    [Fact]
    public void AGenerationStartsTogetherAndTheNextIsNotSuggested()
    {
        var script = Started(Specs.NsgaII, Silo("a", 8), Silo("b", 8));
        Assert.Equal(Enumerable.Range(0, 2 * Population), script.Starts().Select(s => s.TrialIndex).Order());
        Assert.Equal(Population, script.Plan.Suggestions.Count);
        Assert.All(script.Plan.Suggestions, s => Assert.True(s.Startup));
        Assert.True(script.Last.Commands.ToList().IndexOf(Persist.Instance) < script.Last.Commands.ToList().FindIndex(c => c is StartTrial));
    }

    [Fact]
    public void TheNextGenerationWaitsForEveryTrialOfTheOneBefore()
    {
        var script = Started(Specs.NsgaII, Silo("a", 16));
        script.AnswerAll();
        for (var trial = 0; trial < 2 * Population - 1; trial++) script.End(trial, 1, TrialStatus.Completed, 3, metric: MetricOf(trial));
        Assert.Empty(script.Starts());
        Assert.Equal(Population, script.Plan.Suggestions.Count);
        script.End(2 * Population - 1, 1, TrialStatus.Completed, 3, metric: MetricOf(2 * Population - 1));
        Assert.Equal(Enumerable.Range(2 * Population, 2 * Population), script.Starts().Select(s => s.TrialIndex).Order());
        Assert.Equal(2 * Population, script.Plan.Suggestions.Count);
    }

    [Fact]
    public void TheSecondGenerationIsBredFromTheFirstsCompletedResults()
    {
        var script = Started(Specs.NsgaII, Silo("a", 16));
        script.AnswerAll();
        for (var trial = 0; trial < 2 * Population; trial++) script.End(trial, 1, TrialStatus.Completed, 3, metric: MetricOf(trial));
        var searcher = (NsgaIISearcher)script.Plan.Searcher;
        var completed = SuggestionVisibility.Completed(script.Plan, script.Machine.Trials, searcher.MustSettleBefore(Population));
        Assert.Equal(Enumerable.Range(0, Population), completed.Select(o => o.TrialIndex));
        Assert.Equal([(MetricOf(0) + MetricOf(1)) / 2, 30], completed[0].Objectives.Values);
        for (var combination = Population; combination < 2 * Population; combination++)
        {
            var bred = searcher.Suggest(combination, completed);
            Assert.NotEmpty(bred.Parents);
            Assert.False(script.Plan.Suggestions[combination].Startup);
            Assert.Equal(bred.Values, script.Plan.Suggestions[combination].ToDictionary());
        }
        var values = script.Plan.Suggestions[Population].ToDictionary();
        Assert.True(script.StartOf(2 * Population).Spec.SameAs(searcher.Bind(2 * Population, Population, 1, values).Spec));
    }

    [Fact]
    public void SuggestionsAreTheSameWhateverTheSlotsAndTheOrderResultsArrive()
    {
        var oneByOne = Run([Silo("a", 1)], latestFirst: false);
        var wide = Run([Silo("a", 8), Silo("b", 8)], latestFirst: true);
        var twoSilos = Run([Silo("a", 2), Silo("b", 1)], latestFirst: true);
        Assert.Equal(2 * Population, oneByOne.Count);
        Assert.Equal(Text(oneByOne), Text(wide));
        Assert.Equal(Text(oneByOne), Text(twoSilos));
    }

    [Fact]
    public void ARestoredCoordinatorKeepsItsSuggestionsAndBreedsTheSame()
    {
        var script = Started(Specs.NsgaII, Silo("a", 16));
        var stored = script.Machine.State;
        Assert.Equal(Population, stored.Suggestions!.Count);
        var restored = new MachineScript(Specs.NsgaII);
        restored.Restore(stored, Silo("a", 16));
        Assert.Equal(stored.Suggestions, restored.Plan.Suggestions);
        Assert.True(restored.Plan.IsSuggested(2 * Population - 1));
        Assert.False(restored.Plan.IsSuggested(2 * Population));

        var whole = Run([Silo("a", 16)], latestFirst: false);
        Assert.Equal(Text(whole.Take(Population)), Text(restored.Plan.Suggestions));
    }

    [Fact]
    public void OnlyCompletedFiniteSeedsAreObservationsAndADivergedSeedRemovesItsCombination()
    {
        var script = Started(Specs.NsgaII, Silo("a", 16));
        script.AnswerAll();
        script.End(0, 1, TrialStatus.Completed, 3, metric: 0.9);
        script.End(1, 1, TrialStatus.Completed, 3, metric: 0.7);
        script.End(2, 1, TrialStatus.Diverged, 1);
        script.End(3, 1, TrialStatus.Completed, 3, metric: 0.8);
        foreach (var trial in new[] { 4, 5 })
        {
            script.End(trial, 1, TrialStatus.Failed, 1, error: "boom");
            script.AnswerAll(); // its retry
            script.End(trial, 2, TrialStatus.Failed, 1, error: "boom");
        }
        Assert.Equal([0.8, 30], SuggestionVisibility.ObserveObjectives(script.Plan, script.Machine.Trials, 0)!.Objectives.Values.Select(v => Math.Round(v, 12)));
        Assert.Null(SuggestionVisibility.ObserveObjectives(script.Plan, script.Machine.Trials, 1));
        Assert.Null(SuggestionVisibility.ObserveObjectives(script.Plan, script.Machine.Trials, 2));
    }

    [Fact]
    public void ASweepWithNoCompletedResultBreedsItsNextGenerationAtRandom()
    {
        var script = Started(Specs.NsgaII, Silo("a", 16));
        script.AnswerAll();
        for (var trial = 0; trial < 2 * Population; trial++) script.End(trial, 1, TrialStatus.Diverged, 1);
        Assert.Equal(2 * Population, script.Plan.Suggestions.Count);
        Assert.All(script.Plan.Suggestions, s => Assert.True(s.Startup));
    }

    /// <summary>Suggestions as comparable text (stored values are arrays, compared by reference).</summary>
    private static string[] Text(IEnumerable<SuggestedCombination> suggestions) =>
        suggestions.Select(s => $"{s.Startup}: " + string.Join(", ", s.Values.Select(v => $"{v.Key}={v.Value:R}"))).ToArray();

    /// <summary>The whole sweep on <paramref name="silos"/>, each trial completing with <see cref="MetricOf"/>; the running
    /// trial that ends next is the earliest or the latest started.</summary>
    private static IReadOnlyList<SuggestedCombination> Run(LiveSilo[] silos, bool latestFirst)
    {
        var script = Started(Specs.NsgaII, silos);
        var running = new List<int>();
        void Take(Step step)
        {
            foreach (var start in script.Starts(step))
            {
                script.Answer(start);
                running.Add(start.TrialIndex);
            }
        }
        Take(script.Last);
        while (running.Count > 0)
        {
            var trial = latestFirst ? running[^1] : running[0];
            running.Remove(trial);
            Take(script.End(trial, 1, TrialStatus.Completed, 3, metric: MetricOf(trial)));
        }
        Assert.Equal(SweepStatus.Completed, script.Machine.Status);
        return script.Plan.Suggestions;
    }
}
