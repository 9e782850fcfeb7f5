// How TPE reads its observations: the good/bad split (Optuna's _split_trials for one objective: gamma of the finished
// trials, completed best first, then pruned by latest step; pending always bad) and the group decomposition of a
// conditional space (dimensions that always occur together form one group).
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Tests.Search.Tpe;

public sealed class TpeStructureTests
{
    private static readonly IReadOnlyDictionary<string, double> NoValues = new Dictionary<string, double>();

    [Fact]
    public void TheGoodAreTheBestCompletedThenTheLatestPrunedAndPendingAreBad()
    {
        var observations = new List<TpeObservation>();
        for (var i = 0; i < 15; i++) observations.Add(new TpeObservation(i, NoValues, TpeTrialState.Completed, Score: 100 - i));
        observations.Add(new TpeObservation(15, NoValues, TpeTrialState.Pruned, Score: -5, Step: 2));
        observations.Add(new TpeObservation(16, NoValues, TpeTrialState.Pruned, Score: 50, Step: 9));
        observations.Add(TpeObservation.Pending(17, NoValues));
        observations.Add(TpeObservation.Pending(18, NoValues));
        // 17 finished → ⌈1.7⌉ = 2 good: the two best completed (scores 86, 87), pruned ones do not displace them.
        var (good, bad) = TpeObservationSplit.Split(observations);
        Assert.Equal([13, 14], good.Select(o => o.TrialIndex));
        Assert.Equal(Enumerable.Range(0, 13).Concat([15, 16, 17, 18]), bad.Select(o => o.TrialIndex));

        // With one completed trial and 10 pruned: 11 finished → 2 good: the completed one, then the latest-step pruned.
        var fewCompleted = new List<TpeObservation> { new(0, NoValues, TpeTrialState.Completed, Score: 9) };
        for (var i = 1; i <= 10; i++) fewCompleted.Add(new TpeObservation(i, NoValues, TpeTrialState.Pruned, Score: i, Step: i % 3));
        Assert.Equal([0, 2], TpeObservationSplit.Split(fewCompleted).Good.Select(o => o.TrialIndex));
    }

    [Fact]
    public void FamiliesOwnParametersFormGroupsOfTheirOwn()
    {
        var order = new[] { "lr", "lr.a.initial", "lr.a.gamma", "lr.b.initial", "epochs" }.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        string[][] trials =
        [
            ["epochs", "lr", "lr.a.initial", "lr.a.gamma"],
            ["lr", "lr.b.initial", "epochs"],
            ["lr.a.gamma", "lr", "epochs", "lr.a.initial"],
        ];
        Assert.Equal(
            [["lr", "epochs"], ["lr.a.initial", "lr.a.gamma"], ["lr.b.initial"]],
            TpeGroups.Of(trials, order).Select(g => g.ToArray()));
    }
}
