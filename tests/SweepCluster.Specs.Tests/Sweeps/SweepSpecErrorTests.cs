using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class SweepSpecErrorTests
{
    [Fact]
    public void EveryTrialLevelErrorSurfacesOnceWithTheExpandedPathAndLine()
    {
        var errors = Errors("""
            search: grid
            learning_rate:
              - { schedule: constant, initial: 0.1 }
              - { schedule: inverse_time, initial: [-0.1, 0.05], alpha: 0.01 }
              - { schedule: cosinus, initial: 0.1 }
            weight_decay: [.nan, 0]
            model: { hidden: [[0], [64]] }
            retires: 3
            optimizer: { type: sgd, momentun: 0.9 }
            batch_size: { schedule: step, initial: 32, gama: 0.5, step_size: 2 }
            """);
        Assert.Equal(7, errors.Count);

        var negative = At(errors, "learning_rate[1].initial[0]");
        Assert.Equal(4, negative.Line);
        Assert.Contains("a learning rate must be > 0", negative.Message);

        var family = At(errors, "learning_rate[2].schedule");
        Assert.Equal(5, family.Line);
        Assert.Contains("unknown schedule 'cosinus'; did you mean 'cosine'?", family.Message);

        var nan = At(errors, "weight_decay[0]");
        Assert.Equal(6, nan.Line);
        Assert.Contains("finite", nan.Message);

        var layer = At(errors, "model.hidden[0][0]");
        Assert.Equal(7, layer.Line);
        Assert.Contains("a layer size must be >= 1", layer.Message);

        var sweepKey = At(errors, "retires");
        Assert.Equal(8, sweepKey.Line);
        Assert.Contains("did you mean 'retries'?", sweepKey.Message);

        var nested = At(errors, "optimizer.momentun");
        Assert.Equal(9, nested.Line);
        Assert.Contains("did you mean 'momentum'?", nested.Message);

        var scheduleKey = At(errors, "batch_size.gama");
        Assert.Equal(10, scheduleKey.Line);
        Assert.Contains("did you mean 'gamma'?", scheduleKey.Message);

        Assert.All(errors, error => Assert.Equal("sweep.yaml", error.Source));
        Assert.StartsWith("sweep.yaml:4: learning_rate[1].initial[0]: a learning rate must be > 0", negative.ToString());
    }

    [Fact]
    public void ErrorsInsideAChoiceNameTheChoiceItem()
    {
        var errors = Errors("""
            search: { strategy: random, trials: 3 }
            learning_rate: { choice: [0.1, { schedule: exponential, initial: 0.1, gamma: -1 }] }
            """);
        Assert.Contains("must be > 0", At(errors, "learning_rate.choice[1].gamma").Message);
    }

    [Fact]
    public void CrossKeyErrorsOfCombinationsAreFound()
    {
        var errors = Errors("task: [classification, regression]\nloss: cross_entropy\nmetric: val_loss\n");
        Assert.Contains("cross_entropy needs task: classification", At(errors, "loss").Message);
    }

    [Fact]
    public void DistributionsInAGridAreRefused()
    {
        var errors = Errors("learning_rate: { schedule: constant, initial: { loguniform: [1e-3, 1e-1] } }\nepochs: { choice: [1, 2] }\n");
        Assert.Contains("use search: { strategy: random, trials: N }", At(errors, "learning_rate.initial.loguniform").Message);
        Assert.Contains("random-search distribution", At(errors, "epochs.choice").Message);
    }

    [Fact]
    public void AnEmptyAxisIsRefused()
    {
        var errors = Errors("learning_rate: []\nweight_decay: { schedule: constant, initial: [] }\n");
        Assert.StartsWith("an empty list gives no trials;", At(errors, "learning_rate").Message);
        Assert.StartsWith("an empty list gives no trials;", At(errors, "weight_decay.initial").Message);
    }

    [Fact]
    public void AnEmptyHiddenListIsALinearModelNotAnEmptyAxis()
    {
        var sweep = Yaml("model: { hidden: [[], [32]] }\n");
        Assert.Equal(2, sweep.Combinations);
        Assert.Empty(new GridSearcher(sweep).Suggest(0).Spec.Model.Hidden);
    }

    [Fact]
    public void MoreThan100000TrialsAreRefusedWithTheCountUnlessAllowLarge()
    {
        const string large = """
            seeds: [1, 2]
            epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            data_seed: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
            validation: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.15]
            learning_rate: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.15]
            weight_decay: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.15, 0.25]
            """;
        var error = Assert.Single(Errors(large));
        Assert.Equal("", error.Field);
        Assert.Contains("110,000 combinations × 2 seeds = 220,000 trials", error.Message);
        Assert.Contains("limit of 100,000", error.Message);
        Assert.Contains("--allow-large", error.Message);

        var allowed = Yaml(large, allowLarge: true);
        Assert.Equal(220_000, allowed.TotalTrials);
        var last = new GridSearcher(allowed).Suggest(219_999);
        Assert.Equal((10, 10L, 2L), (last.Spec.Epochs, last.Spec.DataSeed, last.Seed));
        Assert.Equal(0.25, last.Spec.WeightDecay.Initial);
    }

    [Fact]
    public void RandomSweepsOverTheLimitAreRefusedToo()
    {
        const string large = "search: { strategy: random, trials: 60000 }\nseeds: [1, 2]\nlearning_rate: { loguniform: [0.001, 0.1] }\n";
        Assert.Contains("60,000 combinations × 2 seeds = 120,000 trials", Assert.Single(Errors(large)).Message);
        Assert.Equal(120_000, Yaml(large, allowLarge: true).TotalTrials);
    }

    [Fact]
    public void AnAstronomicalGridIsCountedWithoutBeingExpanded()
    {
        var axes = string.Join("\n", Enumerable.Range(0, 8).Select(i => $"  - {{ schedule: constant, initial: [{string.Join(", ", Enumerable.Range(1, 100))}] }}"));
        var error = Assert.Single(Errors($"learning_rate: [{string.Join(", ", Enumerable.Range(1, 1000))}]\nepochs: [{string.Join(", ", Enumerable.Range(1, 1000))}]\n" +
                                         $"data_seed: [{string.Join(", ", Enumerable.Range(1, 1000))}]\nweight_decay:\n{axes}\n", allowLarge: true));
        Assert.Contains("800,000,000,000 combinations", error.Message);
        Assert.Contains("at most 2,147,483,647 trials", error.Message);
    }

    [Fact]
    public void SeedTogetherWithSeedsIsRefused()
    {
        var error = At(Errors("seed: 3\nseeds: [1, 2]\n"), "seed");
        Assert.Equal(1, error.Line);
        Assert.Contains("a sweep gives its trial seeds with 'seeds'", error.Message);
        Assert.Contains("seeds: [1, 2]", error.Message);
        Assert.Contains("write seeds: [1, 2, 3]", At(Errors("seed: [1, 2]\n"), "seed").Message);
    }

    [Fact]
    public void SeedsMustBeDistinctWholeNumbers()
    {
        var errors = Errors("seeds: [1, 1, x]\n");
        Assert.Contains("listed twice", At(errors, "seeds[1]").Message);
        Assert.Contains("whole number", At(errors, "seeds[2]").Message);
        Assert.Contains("an empty list gives no trials", At(Errors("seeds: []\n"), "seeds").Message);
    }

    [Theory]
    [InlineData("name: 'my sweep'")]
    [InlineData("name: ..")]
    [InlineData("name: a/b")]
    [InlineData("name: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void BadNamesAreRefused(string line)
    {
        Assert.Contains("1-64 characters of letters, digits", At(Errors(line + "\nepochs: 1\n"), "name").Message);
    }

    [Fact]
    public void AFileNameThatIsNoValidNameNeedsANameKey()
    {
        var errors = Assert.Throws<Engine.Specs.SpecException>(() =>
            SweepSpecLoader.Parse("epochs: 1", SpecFormat.Yaml, "my sweep.yaml")).Errors;
        Assert.Contains("the file name gives the sweep name 'my sweep'", At(errors, "name").Message);
    }

    [Fact]
    public void BadMetricsAreRefused()
    {
        Assert.Contains("unknown metric 'val_acc'; did you mean 'val_accuracy'?", At(Errors("metric: { name: val_acc }\n"), "metric.name").Message);
        Assert.Contains("use goal: minimize", At(Errors("metric: { name: val_loss, goal: maximize }\n"), "metric.goal").Message);
        Assert.Contains("exists only for task: regression", At(Errors("dataset: digits\nmetric: val_rmse\n"), "metric.name").Message);
        Assert.Contains("no default metric", At(Errors("dataset: [digits, synthetic-regression]\n"), "metric").Message);
        Assert.Equal(new MetricSpec(MetricName.ValLoss, MetricGoal.Minimize), Yaml("dataset: [digits, synthetic-regression]\nmetric: val_loss\n").Metric);
        Assert.Equal(MetricGoal.Maximize, Yaml("task: regression\nmetric: { name: val_r2 }\n").Metric.Goal);
    }

    [Fact]
    public void SweepSettingsAreChecked()
    {
        var errors = Errors("""
            search: { strategy: grid, trials: 5, sed: 1 }
            max_concurrent: -1
            retries: 1.5
            scheduler: { type: asha, eta: 1, interval: 2 }
            """);
        Assert.Contains("applies only to strategy: random, tpe or nsga2", At(errors, "search.trials").Message);
        Assert.Contains("did you mean 'seed'?", At(errors, "search.sed").Message);
        Assert.Contains("must be >= 0", At(errors, "max_concurrent").Message);
        Assert.Contains("whole number", At(errors, "retries").Message);
        Assert.Contains("must be a whole number >= 2", At(errors, "scheduler.eta").Message);
        Assert.Contains("does not apply to the asha scheduler", At(errors, "scheduler.interval").Message);
        Assert.Contains("random search needs trials: N", At(Errors("search: random\n"), "search").Message);
        Assert.Contains("did you mean 'fifo'?", At(Errors("scheduler: fifoo\n"), "scheduler").Message);
    }

    [Fact]
    public void TheCheckpointPolicyIsEpochsOrSecondsNeverBoth()
    {
        Assert.Equal(CheckpointPolicy.ByTime(SweepLimits.DefaultCheckpointSeconds), Yaml("epochs: 3\n").Checkpoints);
        Assert.Equal(CheckpointPolicy.ByEpochs(5), Yaml("checkpoint_every: 5\n").Checkpoints);
        Assert.Equal(CheckpointPolicy.ByTime(2.5), Yaml("checkpoint_seconds: 2.5\n").Checkpoints);

        var both = At(Errors("checkpoint_every: 5\ncheckpoint_seconds: 2\n"), "checkpoint_seconds");
        Assert.Equal(2, both.Line);
        Assert.Contains("give checkpoint_every (a checkpoint every N epochs) or checkpoint_seconds", both.Message);
        Assert.Contains("not both", both.Message);
        Assert.Contains("must be > 0", At(Errors("checkpoint_seconds: 0\n"), "checkpoint_seconds").Message);
        Assert.Contains("must be >= 1", At(Errors("checkpoint_every: 0\n"), "checkpoint_every").Message);
        Assert.Contains("finite", At(Errors("checkpoint_seconds: .inf\n"), "checkpoint_seconds").Message);
    }

    [Theory]
    [InlineData("{ type: pbt, interval: 8 }", "scheduler.interval", "8 is not below the trials' epochs (at most 5): PBT's first generation")]
    [InlineData("{ type: asha, min_epochs: 5 }", "scheduler.min_epochs", "5 is not below the trials' epochs (at most 5): ASHA's first rung")]
    [InlineData("{ type: median, grace_epochs: 6 }", "scheduler.grace_epochs", "6 is not below the trials' epochs (at most 5)")]
    public void ASchedulerThatWouldNeverActIsRefusedWithWhatWouldWork(string scheduler, string field, string message)
    {
        var error = At(Errors($"epochs: [3, 5]\nscheduler: {scheduler}\n"), field);
        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Message);
        Assert.Contains("use at most 4, e.g. 1", error.Message);
    }

    [Fact]
    public void TheSchedulerMayAlsoSitInsideSearchAsInTheIssuesExample()
    {
        var nested = Yaml("search: { strategy: random, trials: 64, scheduler: { type: asha, min_epochs: 1, eta: 3 } }\nlearning_rate: { loguniform: [0.01, 0.1] }\nepochs: 9\n");
        var top = Yaml("search: { strategy: random, trials: 64 }\nscheduler: { type: asha, min_epochs: 1, eta: 3 }\nlearning_rate: { loguniform: [0.01, 0.1] }\nepochs: 9\n");
        Assert.Equal(top.SchedulerSettings, nested.SchedulerSettings);
        Assert.Equal(SchedulerKind.Asha, nested.Scheduler);

        Assert.Contains("must be a whole number >= 2", At(Errors("search: { strategy: grid, scheduler: { type: asha, eta: 1 } }\n"), "search.scheduler.eta").Message);
        var twice = At(Errors("scheduler: fifo\nsearch: { strategy: grid, scheduler: { type: asha } }\n"), "search.scheduler");
        Assert.Equal(2, twice.Line);
        Assert.Contains("the scheduler is given twice, here and at the top level (line 1); keep one", twice.Message);
    }

    [Fact]
    public void OneEpochTrialsLeaveASchedulerNothingToDecide()
    {
        var error = At(Errors("epochs: 1\nscheduler: { type: asha }\n"), "scheduler.min_epochs");
        Assert.Contains("trials of one epoch leave a scheduler nothing to decide", error.Message);
        Assert.Equal(SchedulerKind.Pbt, Yaml("epochs: 6\nscheduler: { type: pbt, interval: 5 }\n").Scheduler); // below the epochs: fine
    }

    [Theory]
    [InlineData(4, 0.0, 8, true)]
    [InlineData(4, 0.0, 7, false)]
    [InlineData(0, 1.0, 7, false)]
    [InlineData(0, 1.0, 3, true)]
    public void ACheckpointIsDueByEpochNumberOrByTimeSinceTheLast(int everyEpochs, double seconds, int epoch, bool due)
    {
        var secondsSinceLast = epoch == 3 ? 1.5 : 0.2; // epoch 3 ends 1.5 s after the last checkpoint, epochs 7 and 8 0.2 s
        Assert.Equal(due, new CheckpointPolicy(everyEpochs, seconds).IsDue(epoch, secondsSinceLast));
    }

    [Fact]
    public void SchedulerSettingsAreBound()
    {
        var asha = Yaml("search: { strategy: random, trials: 4 }\nlearning_rate: { loguniform: [0.01, 0.1] }\nscheduler: { type: asha, min_epochs: 2, eta: 4 }\n");
        Assert.Equal(SchedulerKind.Asha, asha.Scheduler);
        Assert.Equal((2, 4), (asha.SchedulerSettings.MinEpochs, asha.SchedulerSettings.Eta));
        var pbt = Yaml("scheduler: { type: pbt, interval: 3, quantile: 0.5, factors: [0.5, 2], resample_probability: 0.25 }\n").SchedulerSettings;
        Assert.Equal((SchedulerKind.Pbt, 3, 0.5, 0.25), (pbt.Kind, pbt.Interval, pbt.Quantile, pbt.ResampleProbability));
        Assert.Equal([0.5, 2.0], pbt.Factors);
        Assert.Equal(SchedulerKind.Median, Yaml("scheduler: median\n").Scheduler);
        var errors = Errors("scheduler: { type: pbt, quantile: 0.7, factors: [0], grace: 1 }\n");
        Assert.Contains("(0, 0.5]", At(errors, "scheduler.quantile").Message);
        Assert.Contains("must be > 0", At(errors, "scheduler.factors[0]").Message);
        Assert.Contains("unknown key 'grace'", At(errors, "scheduler.grace").Message);
    }

    [Fact]
    public void DistributionShapesAreChecked()
    {
        var errors = Errors("""
            search: { strategy: random, trials: 2 }
            learning_rate: { loguniform: [0, 0.1] }
            weight_decay: { uniform: [0.1, 0.1] }
            epochs: { int: [5, 1] }
            data_seed: { int: 3 }
            validation: { uniform: [0.1, 0.2], extra: 1 }
            """);
        Assert.Contains("0 < low < high", At(errors, "learning_rate.loguniform").Message);
        Assert.Contains("low < high", At(errors, "weight_decay.uniform").Message);
        Assert.Contains("low <= high", At(errors, "epochs.int").Message);
        Assert.Contains("expected a range [low, high]", At(errors, "data_seed.int").Message);
        Assert.Contains("exactly one key", At(errors, "validation").Message);
    }

    [Fact]
    public void ARootThatIsNoMappingIsRefused()
    {
        Assert.Contains("must be a mapping", At(Errors("- 1\n- 2\n"), "").Message);
    }
}
