// Asynchronous Hyperband: each combination's trials meet only their bracket's rungs, a bracket promotes exactly as an
// ASHA started at its first rung would with its own trials alone, one bracket is plain ASHA, and once the sweep runs
// dry each paused trial is pruned by its bracket.
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Scheduling;
using static SweepCluster.Tuning.Tests.Scheduling.SchedulerScript;

namespace SweepCluster.Tuning.Tests.Scheduling;

public sealed class HyperbandSchedulerTests
{
    private const int Epochs = 9; // rungs 1 and 3: brackets 0 (rungs 1, 3), 1 (rung 3) and 2 (none)

    private static readonly SchedulerSettings Settings = new() { Kind = SchedulerKind.Hyperband, MinEpochs = 1, Eta = 3 };

    private static HyperbandScheduler Create(SchedulerSettings? settings = null) => new(settings ?? Settings, Accuracy);

    /// <summary>The first <paramref name="n"/> combinations in <paramref name="bracket"/>.</summary>
    private static int[] InBracket(int bracket, int n, int epochs = Epochs) =>
        Enumerable.Range(0, 1000).Where(c => Create().Brackets.Of(c, epochs) == bracket).Take(n).ToArray();

    private static SchedulingDecision Report(ITrialScheduler scheduler, int trial, int combination, int epoch, double? metric, int epochs = Epochs) =>
        scheduler.OnEpoch(new TrialEpochResult(trial, combination, new EpochRecord(epoch, epoch * 10L, 1.0, 0.5, 1.0, metric, null, 0.1, 0, 32), metric, epochs));

    [Fact]
    public void EachBracketStartsOneRungLaterAndTheLastTrainsInFull()
    {
        var hyperband = Create();
        Assert.Equal([1, 3], hyperband.Rungs(InBracket(0, 1)[0], Epochs));
        Assert.Equal([3], hyperband.Rungs(InBracket(1, 1)[0], Epochs));
        Assert.Empty(hyperband.Rungs(InBracket(2, 1)[0], Epochs));
        Assert.Equal([9, 27], hyperband.Rungs(InBracket(2, 1, 81)[0], 81)); // of five: 1, 3, 9, 27 | 3, 9, 27 | 9, 27 | 27 | none
        var late = InBracket(1, 1)[0];
        Assert.False(hyperband.IsDecisionEpoch(1, Epochs, late));
        Assert.True(hyperband.IsDecisionEpoch(3, Epochs, late));
        Assert.False(hyperband.IsDecisionEpoch(3, Epochs, InBracket(2, 1)[0]));
        // Without the combination: every bracket's rungs (bracket 0's hold them all).
        Assert.Equal([1, 3], Enumerable.Range(1, Epochs).Where(e => hyperband.IsDecisionEpoch(e, Epochs)));
        // A trial at a rung not its bracket's goes on without a decision being counted.
        Assert.Same(SchedulingDecision.Continue, Report(hyperband, 0, late, 1, 0.9));
    }

    [Fact]
    public void EverySeedOfACombinationIsInItsCombinationsBracket()
    {
        var hyperband = Create();
        var combination = InBracket(1, 1)[0];
        // Trials 10 and 11 replicate the combination: both skip epoch 1 and meet rung 0 at epoch 3.
        Assert.Equal(TrialDecision.Continue, Report(hyperband, 10, combination, 1, 0.1).Decision);
        Assert.Equal(TrialDecision.Continue, Report(hyperband, 11, combination, 1, 0.1).Decision);
        var paused = Report(hyperband, 10, combination, 3, 0.5);
        Assert.Equal(TrialDecision.Pause, paused.Decision);
        Assert.StartsWith("Hyperband bracket 1: rung 0 (epoch 3)", paused.Reason);
        Assert.Equal(TrialDecision.Pause, Report(hyperband, 11, combination, 3, 0.6).Decision);
    }

    // Results from every bracket, interleaved: each bracket decides exactly as an ASHA started at its first rung that
    // sees its own trials only, whatever the other brackets do (the rungs' counts never mix).
    [Fact]
    public void ABracketPromotesAsItsOwnAshaWouldWhateverTheOtherBracketsDo()
    {
        var hyperband = Create();
        var alone = Enumerable.Range(0, 3).Select(b => new AshaScheduler(Settings, Accuracy, b, $"Hyperband bracket {b}")).ToArray();
        var random = new Random(7);
        var combinations = Enumerable.Range(0, 40).ToArray();
        var epochsDone = new int[combinations.Length];
        var decided = new HashSet<(int Bracket, TrialDecision Decision)>();
        for (var step = 0; step < 200; step++)
        {
            var c = combinations[random.Next(combinations.Length)];
            if (epochsDone[c] >= Epochs) continue;
            var epoch = ++epochsDone[c];
            var metric = Math.Round(random.NextDouble(), 3);
            var bracket = hyperband.Brackets.Of(c, Epochs);
            var expected = Report(alone[bracket], c, c, epoch, metric);
            var actual = Report(hyperband, c, c, epoch, metric);
            Assert.Equal(expected.Decision, actual.Decision);
            Assert.Equal(expected.Reason is null ? null : $"Hyperband bracket {bracket}: {expected.Reason}", actual.Reason);
            if (actual.Reason is not null) decided.Add((bracket, actual.Decision));
            var promoted = alone.SelectMany((a, b) => a.TakeActions().Select(x => (x.TrialIndex, x.Decision.Decision, b))).ToArray();
            Assert.Equal(promoted, hyperband.TakeActions().Select(x => (x.TrialIndex, x.Decision.Decision, hyperband.Brackets.Of(x.TrialIndex, Epochs))));
        }
        HashSet<(int, TrialDecision)> seen = [(0, TrialDecision.Pause), (0, TrialDecision.Continue), (1, TrialDecision.Pause), (1, TrialDecision.Continue)];
        Assert.Superset(seen, decided); // both brackets with rungs paused and promoted
    }

    [Fact]
    public void OneBracketIsAsha()
    {
        var hyperband = Create(Settings with { Brackets = 1 });
        var asha = new AshaScheduler(Settings, Accuracy);
        double[] metrics = [0.3, 0.9, 0.1, 0.5, 0.8, 0.2, 0.7, 0.4, 0.6];
        for (var trial = 0; trial < metrics.Length; trial++)
        {
            Assert.Equal(asha.Report(trial, 1, metrics[trial], Epochs).Decision, Report(hyperband, trial, trial, 1, metrics[trial]).Decision);
            Assert.Equal(asha.TakeActions().Select(a => (a.TrialIndex, a.Decision.Decision)), hyperband.TakeActions().Select(a => (a.TrialIndex, a.Decision.Decision)));
        }
        Assert.Equal(Enumerable.Range(1, Epochs).Select(e => asha.IsDecisionEpoch(e, Epochs)), Enumerable.Range(1, Epochs).Select(e => hyperband.IsDecisionEpoch(e, Epochs, e)));
    }

    [Fact]
    public void WhenTheSweepRunsDryEachPausedTrialIsPrunedByItsBracket()
    {
        var hyperband = Create();
        var early = InBracket(0, 2);
        var late = InBracket(1, 2);
        // Two results per rung: ⌊2/3⌋ = 0 promotable, so all four pause.
        foreach (var c in early) Assert.Equal(TrialDecision.Pause, Report(hyperband, c, c, 1, 0.5 + c / 1000.0).Decision);
        foreach (var c in late)
        {
            Assert.Equal(TrialDecision.Continue, Report(hyperband, c, c, 1, 0.1).Decision);
            Assert.Equal(TrialDecision.Pause, Report(hyperband, c, c, 3, 0.7).Decision);
        }
        hyperband.OnTrialFinished(early[1], TrialStatus.Cancelled, null); // ended: no longer waits
        int[] paused = [.. new[] { early[0], late[0], late[1] }.Order()];
        var idle = hyperband.OnIdle(paused);
        Assert.Equal(paused, idle.Select(a => a.TrialIndex));
        Assert.All(idle, a => Assert.Equal(TrialDecision.Stop, a.Decision.Decision));
        Assert.StartsWith("Hyperband bracket 0: stopped at rung 0 (epoch 1)", idle.Single(a => a.TrialIndex == early[0]).Decision.Reason);
        Assert.StartsWith("Hyperband bracket 1: stopped at rung 0 (epoch 3)", idle.Single(a => a.TrialIndex == late[1]).Decision.Reason);
        var state = Assert.IsType<HyperbandSnapshot>(hyperband.SaveState());
        Assert.All(state.Brackets.Values, bracket => Assert.Empty(bracket.Paused));
    }

    [Fact]
    public void TheFactoryMakesItForTheHyperbandType() =>
        Assert.IsType<HyperbandScheduler>(TrialSchedulerFactory.Create(
            SweepSpecLoader.Parse("dataset: iris\nepochs: 9\nscheduler: { type: hyperband }\n", SpecFormat.Yaml, "sweep.yaml")));
}
