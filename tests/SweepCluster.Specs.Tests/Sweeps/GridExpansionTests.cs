using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class GridExpansionTests
{
    private static readonly SweepSpec Example = Yaml(ExampleYaml);

    [Fact]
    public void ExampleExpandsTo64Trials()
    {
        Assert.Equal("digits-schedules", Example.Name);
        Assert.Equal(SearchStrategy.Grid, Example.Strategy);
        Assert.Equal(32, Example.Combinations);
        Assert.Equal(64, Example.TotalTrials);
        Assert.Equal([1L, 2L], Example.Seeds);
        Assert.Equal(new MetricSpec(MetricName.ValAccuracy, MetricGoal.Maximize), Example.Metric);
        Assert.Equal(2, Example.Retries);
        Assert.Equal(0, Example.MaxConcurrent);
        Assert.Equal(SchedulerKind.Fifo, Example.Scheduler);
        Assert.Equal(64, SearcherFactory.Create(Example).TotalTrials);
    }

    [Fact]
    public void AxesAreListedInFileOrderWithTheirExpandedCounts()
    {
        Assert.Equal(
            [new("model.hidden", "list", 2), new("learning_rate", "list", 4), new("weight_decay", "list", 2), new("batch_size", "list", 2)],
            Example.Axes);
    }

    [Fact]
    public void FirstTrialTakesTheFirstValueOfEveryAxisAndTheFirstSeed()
    {
        var trial = new GridSearcher(Example).Suggest(0);
        Assert.Equal((0, 0, 1L), (trial.Index, trial.Combination, trial.Seed));
        Assert.Equal([64, 32], trial.Spec.Model.Hidden);
        Assert.Equal(ScheduleSpec.ConstantOf(0.1), trial.Spec.LearningRate);
        Assert.Equal(ScheduleSpec.ConstantOf(0), trial.Spec.WeightDecay);
        Assert.Equal(ScheduleSpec.ConstantOf(32), trial.Spec.BatchSize);
        Assert.Equal(30, trial.Spec.Epochs);
        Assert.Equal("digits", trial.Spec.Dataset);
        Assert.Equal(1, trial.Spec.Seed);
    }

    [Fact]
    public void Trial13IsCombination6WithTheSecondSeed()
    {
        // combination 6 = hidden 0, learning_rate 1 (inverse_time 0.1), weight_decay 1 (polynomial), batch_size 0
        var trial = new GridSearcher(Example).Suggest(13);
        Assert.Equal((13, 6, 2L), (trial.Index, trial.Combination, trial.Seed));
        Assert.Equal(2, trial.Spec.Seed);
        Assert.Equal([64, 32], trial.Spec.Model.Hidden);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 }, trial.Spec.LearningRate);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.Polynomial, Initial = 1e-3, Beta = 1 }, trial.Spec.WeightDecay);
        Assert.Equal(ScheduleSpec.ConstantOf(32), trial.Spec.BatchSize);
    }

    [Fact]
    public void Trial50TakesTheNestedSecondInitialOfInverseTime()
    {
        // combination 25 = hidden 1, learning_rate 2 (inverse_time 0.05), weight_decay 0, batch_size 1
        var trial = new GridSearcher(Example).Suggest(50);
        Assert.Equal((50, 25, 1L), (trial.Index, trial.Combination, trial.Seed));
        Assert.Equal([128], trial.Spec.Model.Hidden);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.05, Alpha = 0.01, Beta = 0.5 }, trial.Spec.LearningRate);
        Assert.Equal(ScheduleSpec.ConstantOf(0), trial.Spec.WeightDecay);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1, Max = 256 }, trial.Spec.BatchSize);
        Assert.Equal(
            [
                new("model.hidden", "[128]"),
                new("learning_rate", "inverse_time(0.05, α=0.01, β=0.5)"),
                new("weight_decay", "constant(0)"),
                new("batch_size", "inverse_time(32, α=0.2, β=-1) [max 256]"),
            ],
            trial.Axes);
    }

    [Fact]
    public void LastTrialTakesTheLastValueOfEveryAxis()
    {
        var trial = new GridSearcher(Example).Suggest(63);
        Assert.Equal((63, 31, 2L), (trial.Index, trial.Combination, trial.Seed));
        Assert.Equal([128], trial.Spec.Model.Hidden);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.Polynomial, Initial = 0.1, Beta = 2 }, trial.Spec.LearningRate);
        Assert.Equal(ScheduleFamily.Polynomial, trial.Spec.WeightDecay.Family);
        Assert.Equal(ScheduleFamily.InverseTime, trial.Spec.BatchSize.Family);
    }

    [Fact]
    public void LastAxisVariesFastestAndSeedsReplicateEachCombination()
    {
        var searcher = new GridSearcher(Example);
        var trials = Enumerable.Range(0, searcher.TotalTrials).Select(searcher.Suggest).ToArray();
        Assert.Equal(Enumerable.Range(0, 64), trials.Select(t => t.Index));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => i / 2), trials.Select(t => t.Combination));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? 1L : 2L), trials.Select(t => t.Seed));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => (i / 2) % 2 == 0 ? "constant(32)" : "inverse_time(32, α=0.2, β=-1) [max 256]"),
            trials.Select(t => t.Axes[3].Value));
        Assert.Equal(Enumerable.Range(0, 64).Select(i => i / 32 == 0 ? "[64, 32]" : "[128]"), trials.Select(t => t.Axes[0].Value));
        var learningRates = trials.Where(t => t.Seed == 1).Select(t => t.Axes[1].Value).Distinct().ToArray();
        Assert.Equal(
            ["constant(0.1)", "inverse_time(0.1, α=0.01, β=0.5)", "inverse_time(0.05, α=0.01, β=0.5)", "polynomial(0.1, β=2)"],
            learningRates);
        Assert.Equal(32, trials.Select(t => string.Join("|", t.Axes.Select(a => a.Value))).Distinct().Count());
    }

    [Fact]
    public void SuggestIsStableAndRandomAccess()
    {
        var searcher = new GridSearcher(Example);
        var late = TrialSpecWriter.ToYaml(searcher.Suggest(37).Spec);
        _ = searcher.Suggest(2);
        Assert.Equal(late, TrialSpecWriter.ToYaml(new GridSearcher(Yaml(ExampleYaml)).Suggest(37).Spec));
        Assert.Throws<ArgumentOutOfRangeException>(() => searcher.Suggest(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => searcher.Suggest(-1));
    }

    [Fact]
    public void JsonAndYamlGiveTheSameExpansion()
    {
        var json = SweepSpecLoader.Parse(ExampleJson, SpecFormat.Json, "sweep.json");
        var (fromYaml, fromJson) = (new GridSearcher(Example), new GridSearcher(json));
        Assert.Equal(fromYaml.TotalTrials, fromJson.TotalTrials);
        for (var i = 0; i < fromYaml.TotalTrials; i++)
        {
            var (a, b) = (fromYaml.Suggest(i), fromJson.Suggest(i));
            Assert.Equal(TrialSpecWriter.ToYaml(a.Spec), TrialSpecWriter.ToYaml(b.Spec));
            Assert.Equal(a.Axes, b.Axes);
            Assert.Equal((a.Combination, a.Seed), (b.Combination, b.Seed));
        }
    }

    [Fact]
    public void OnlyANestedValueVaryingMakesANestedAxis()
    {
        var sweep = Yaml("""
            learning_rate: { schedule: step, initial: [0.1, 0.01], gamma: 0.5, milestones: [[10, 50], [20]] }
            optimizer: { type: [sgd, adam] }
            """);
        Assert.Equal(8, sweep.Combinations);
        Assert.Equal(["learning_rate.initial", "learning_rate.milestones", "optimizer.type"], sweep.Axes.Select(a => a.Path));
        var trial = new GridSearcher(sweep).Suggest(3); // initial 0, milestones 1, type 1
        Assert.Equal([new("learning_rate.initial", "0.1"), new("learning_rate.milestones", "[20]"), new("optimizer.type", "adam")], trial.Axes);
        Assert.Equal([20L], trial.Spec.LearningRate.Milestones);
        Assert.Equal(OptimizerKind.Adam, trial.Spec.Optimizer.Type);
    }

    [Fact]
    public void AListOfScalarsForAListValuedKeyIsAPlainValue()
    {
        var sweep = Yaml("""
            model: { hidden: [64, 32] }
            learning_rate: { schedule: step, initial: 0.1, milestones: [10, 20] }
            """);
        Assert.Equal(1, sweep.Combinations);
        Assert.Empty(sweep.Axes);
        var trial = new GridSearcher(sweep).Suggest(0);
        Assert.Equal([64, 32], trial.Spec.Model.Hidden);
        Assert.Equal([10L, 20L], trial.Spec.LearningRate.Milestones);
        Assert.Empty(trial.Axes);
    }

    [Fact]
    public void NestedListsInsideAnAxisItemMultiplyThatItemsAlternatives()
    {
        var sweep = Yaml("""
            learning_rate:
              - { schedule: inverse_time, initial: [0.1, 0.05], alpha: [0.01, 0.1] }
              - 0.3
            epochs: [5, 10]
            """);
        Assert.Equal((4 + 1) * 2, sweep.Combinations);
        Assert.Equal([new("learning_rate", "list", 5), new("epochs", "list", 2)], sweep.Axes);
        var searcher = new GridSearcher(sweep);
        var rates = Enumerable.Range(0, 10).Where(i => i % 2 == 0).Select(i => searcher.Suggest(i).Axes[0].Value).ToArray();
        Assert.Equal(
            ["inverse_time(0.1, α=0.01, β=1)", "inverse_time(0.1, α=0.1, β=1)", "inverse_time(0.05, α=0.01, β=1)", "inverse_time(0.05, α=0.1, β=1)", "constant(0.3)"],
            rates);
        Assert.Equal(["5", "10"], Enumerable.Range(0, 2).Select(i => searcher.Suggest(i).Axes[1].Value));
    }

    [Fact]
    public void DefaultsWithoutSweepKeys()
    {
        var sweep = SweepSpecLoader.Parse("dataset: synthetic-regression\nepochs: [1, 2]\n", SpecFormat.Yaml, "/some/dir/regress.yml");
        Assert.Equal("regress", sweep.Name);
        Assert.Equal([1L], sweep.Seeds);
        Assert.Equal(2, sweep.Retries);
        Assert.Equal(new MetricSpec(MetricName.ValRmse, MetricGoal.Minimize), sweep.Metric);
        Assert.Equal("sweep", SweepSpecLoader.Parse("epochs: 1", SpecFormat.Yaml).Name);
    }

    [Fact]
    public void TheSpecsSeedIsTheOnlySeedWhenSeedsIsMissing()
    {
        var sweep = Yaml("seed: 7\nepochs: [1, 2]\n");
        Assert.Equal([7L], sweep.Seeds);
        Assert.Equal(7, new GridSearcher(sweep).Suggest(1).Spec.Seed);
    }

    [Fact]
    public void LoadReadsAFileAndNamesTheSweepAfterIt()
    {
        var directory = Directory.CreateTempSubdirectory("sweepspec-");
        try
        {
            var path = Path.Combine(directory.FullName, "lr-grid.yaml");
            File.WriteAllText(path, "learning_rate: [0.1, 0.01]\n");
            var sweep = SweepSpecLoader.Load(path);
            Assert.Equal("lr-grid", sweep.Name);
            Assert.Equal(directory.FullName, sweep.BaseDirectory);
            Assert.Equal(path, sweep.Source);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
