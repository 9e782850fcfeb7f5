// The multi-objective measurement's logic on a tiny synthetic table where the trade-off is built in: planned steps
// (a growing batch priced at its whole run, a diverged run's missing epochs priced at its last epoch), rung vectors,
// synchronous halving's epochs and survivors under both rules and under front keeping, the best accuracy so far, and
// the front comparison (recall, hypervolume ratio).
using SweepCluster.Tabular.MultiObjective;
using SweepCluster.Tabular.Space;
using SweepCluster.Tabular.Table;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tabular.Tests.MultiObjective;

public sealed class ParetoHalvingTests
{
    private const int Epochs = 9;

    /// <summary>One dimension "batch" with 6 choices. Choice c: final accuracy 0.5 + 0.08·c (bigger is better and
    /// dearer), steps per epoch 10·(c + 1); choice 5's steps grow (5, 10, 15 … per epoch); under seed 2 choice 0 diverges
    /// in epoch 2. Curves rise linearly to their final accuracy, so early rungs rank as the end does.</summary>
    private static DatasetTable Table()
    {
        var metadata = new TableMetadata(TableMetadata.CurrentFormat, "test", Epochs, [1, 2], "accuracy", "steps",
            [new TableDataset("toy", 100, 20, [4])], [new TableDimension("batch", DimensionScale.Categorical, ["0", "1", "2", "3", "4", "5"])]);
        var curves = new List<TableCurve>();
        for (var c = 0; c < 6; c++)
            foreach (var seed in new[] { 1, 2 })
            {
                var configuration = new TableConfiguration([c]);
                var final = 0.5 + 0.08 * c;
                var steps = Enumerable.Range(1, Epochs).Select(e => c == 5 ? 5 * e : 10 * (c + 1)).ToArray();
                if (c == 0 && seed == 2)
                {
                    curves.Add(new TableCurve("toy", configuration, seed, CurveEnd.Diverged, [final / Epochs, 0], [1, double.NaN], steps[..2]));
                    continue;
                }
                var metric = Enumerable.Range(1, Epochs).Select(e => final * e / Epochs).ToArray();
                curves.Add(new TableCurve("toy", configuration, seed, CurveEnd.Completed, metric, metric.Select(m => 1 - m).ToArray(), steps));
            }
        return new TabularTable(metadata, curves).Dataset("toy");
    }

    private static TableTrial Trial(int choice, int seed = 1) => new(new TableConfiguration([choice]), seed);

    [Fact]
    public void PlannedStepsAreTheWholeRunsSteps()
    {
        var table = Table();
        Assert.Equal(10 * Epochs, TableObjectives.PlannedSteps(table, new TableConfiguration([0])));  // seed 1 ran to the end
        Assert.Equal(5 * Epochs * (Epochs + 1) / 2, TableObjectives.PlannedSteps(table, new TableConfiguration([5])));
        // At rung 1 the growing batch is priced at its whole run, not 9 × its first epoch.
        Assert.Equal(ObjectiveVector.Of(0.9 / Epochs, 225), TableObjectives.AtRung(table, Trial(5), 1));
        Assert.Equal(0, TableObjectives.Accuracy(table, Trial(0, seed: 2), 5));
        Assert.Equal(2, TableObjectives.EpochsTrained(table, Trial(0, seed: 2), Epochs));
    }

    [Fact]
    public void ParetoPromotionKeepsTheCheapEndThatAccuracyOnlyDrops()
    {
        var table = Table();
        TableTrial[] trials = [Trial(0), Trial(1), Trial(2), Trial(3), Trial(4), Trial(0, seed: 2)];
        // Full training: the front is every seed-1 trial (each dearer one is more accurate), 5 points.
        var full = trials.Select(t => TableObjectives.Full(table, t)).ToArray();
        var pareto = SynchronousHalving.Run(table, trials, new HalvingSettings([3], 2, RungRule.Pareto));
        var accuracy = SynchronousHalving.Run(table, trials, new HalvingSettings([3], 2, RungRule.AccuracyOnly));
        // ⌊6/2⌋ = 3 finish. Pareto: the front's extremes (cheapest, most accurate) first, then, the interior points
        // being evenly spaced (equally crowded), the lowest trial index; accuracy only: the three most accurate.
        Assert.Equal([0, 1, 4], pareto.Finished);
        Assert.Equal([2, 3, 4], accuracy.Finished);
        // 6 trials × 3 epochs, the diverged one only 2, then 3 × 6 more.
        Assert.Equal(5 * 3 + 2 + 3 * 6, pareto.Epochs);
        Assert.Equal(pareto.Epochs, accuracy.Epochs);

        var kept = FrontComparison.Compare(full, pareto.Finished);
        Assert.Equal(5, kept.FrontPoints);
        Assert.Equal(3, kept.Kept);
        var baseline = FrontComparison.Compare(full, accuracy.Finished);
        Assert.Equal(3, baseline.Kept);
        Assert.True(kept.HypervolumeRatio > baseline.HypervolumeRatio);
        Assert.Equal(1, FrontComparison.Compare(full, Enumerable.Range(0, trials.Length).ToArray()).HypervolumeRatio, 12);
    }

    [Fact]
    public void FrontKeepingFinishesTheWholeRungFront()
    {
        var table = Table();
        TableTrial[] trials = [Trial(0), Trial(1), Trial(2), Trial(3), Trial(4), Trial(0, seed: 2)];
        var full = trials.Select(t => TableObjectives.Full(table, t)).ToArray();
        // At rung 3 the five seed-1 trials are the front (the diverged one is dominated by trial 0): front peeling
        // promotes ⌊6/2⌋ = 3 of them, front keeping all five.
        var keeping = SynchronousHalving.Run(table, trials, new HalvingSettings([3], 2, RungRule.Pareto) { Promotion = ParetoPromotionRule.FrontKeeping });
        Assert.Equal([0, 1, 2, 3, 4], keeping.Finished);
        Assert.Equal(5 * 3 + 2 + 5 * 6, keeping.Epochs);
        Assert.Equal(5, FrontComparison.Compare(full, keeping.Finished).Kept);
        Assert.Equal("keep ε0.2 best rungs 3 η 2",
            new HalvingSettings([3], 2, RungRule.Pareto) { Promotion = ParetoPromotionRule.FrontKeeping, Epsilon = 0.2, Accuracy = RungAccuracy.BestSoFar }.ToString());
    }

    [Fact]
    public void TheBestAccuracySoFarIsZeroOnceTheRunHasDiverged()
    {
        var table = Table();
        Assert.Equal(0.5 / Epochs, TableObjectives.BestAccuracy(table, Trial(0, seed: 2), 1), 12);
        Assert.Equal(0, TableObjectives.BestAccuracy(table, Trial(0, seed: 2), 2));
        Assert.Equal(0, TableObjectives.BestAccuracy(table, Trial(0, seed: 2), 5));
        Assert.Equal(TableObjectives.Accuracy(table, Trial(3), 4), TableObjectives.BestAccuracy(table, Trial(3), 4));
    }

    [Fact]
    public void TheHypervolumeReferenceSitsBeyondTheWorstValues()
    {
        var reference = FrontComparison.Reference([ObjectiveVector.Of(0.5, 100), ObjectiveVector.Of(0.9, 300)]);
        Assert.Equal(0.5 - 0.1 * 0.4, reference[0], 12);
        Assert.Equal(300 + 0.1 * 200, reference[1], 12);
        Assert.Equal(ObjectiveVector.Of(0.5 - 0.1, 100 + 0.1), FrontComparison.Reference([ObjectiveVector.Of(0.5, 100)]));
    }

    [Fact]
    public void ARunIsAFunctionOfItsSeed()
    {
        var table = Table();
        HalvingSettings[] variants = [HalvingSettings.Default(RungRule.Pareto) with { Rungs = [1, 3] }, HalvingSettings.Default(RungRule.AccuracyOnly) with { Rungs = [1, 3] }];
        var first = ParetoHalvingReplay.Run(table, 12, seed: 3, variants);
        var again = ParetoHalvingReplay.Run(table, 12, seed: 3, variants);
        Assert.Equal(first.Select(r => (r.Front, r.EpochFraction, r.Finished)), again.Select(r => (r.Front, r.EpochFraction, r.Finished)));
        Assert.All(first, r => Assert.InRange(r.EpochFraction, 0, 1));
        Assert.All(first, r => Assert.Equal(12 / 3 / 3, r.Finished));
        Assert.Throws<ArgumentException>(() => SynchronousHalving.Run(table, ParetoHalvingReplay.Draw(table, 3, 0), new HalvingSettings([3, 3], 3, RungRule.Pareto)));
        Assert.Throws<ArgumentException>(() => SynchronousHalving.Run(table, ParetoHalvingReplay.Draw(table, 3, 0), new HalvingSettings([Epochs], 3, RungRule.Pareto)));
    }
}
