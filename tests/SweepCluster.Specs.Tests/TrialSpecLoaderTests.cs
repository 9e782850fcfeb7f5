// Valid specs: YAML and JSON bind to equal TrialSpecs, defaults, bare-number schedules, adaptive schedules,
// aliases, enum spellings and the node tree's positions. Error cases live in SpecErrorTests.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs.Tests;

public sealed class TrialSpecLoaderTests
{
    internal const string FullYaml = """
        # a full spec: every key written
        dataset: data/train.csv
        task: regression
        targets: 2
        validation: 0.25
        data_seed: 7
        standardize: false
        model: { hidden: [64, 32], activation: leaky_relu, init: xavier, negative_slope: 0.02 }
        loss: mse
        optimizer: { type: sgd, momentum: 0.9, nesterov: true }
        learning_rate: { schedule: inverse_time, initial: 0.1, alpha: 0.01, beta: 0.5, warmup: 5 }
        weight_decay: 1e-4
        batch_size: { schedule: step, initial: 32, gamma: 2, milestones: [10, 20], every: epoch, max: 256 }
        epochs: 30
        seed: 3
        shuffle: false
        """;

    internal const string FullJson = """
        {
          // the same spec as JSON (comments are allowed)
          "dataset": "data/train.csv",
          "task": "regression",
          "targets": 2,
          "validation": 0.25,
          "data_seed": 7,
          "standardize": false,
          "model": { "hidden": [64, 32], "activation": "leaky_relu", "init": "xavier", "negative_slope": 0.02 },
          "loss": "mse",
          "optimizer": { "type": "sgd", "momentum": 0.9, "nesterov": true },
          "learning_rate": { "schedule": "inverse_time", "initial": 0.1, "alpha": 0.01, "beta": 0.5, "warmup": 5 },
          "weight_decay": 1e-4,
          "batch_size": { "schedule": "step", "initial": 32, "gamma": 2, "milestones": [10, 20], "every": "epoch", "max": 256 },
          "epochs": 30,
          "seed": 3,
          "shuffle": false
        }
        """;

    internal static readonly TrialSpec Full = new()
    {
        Dataset = "data/train.csv",
        Task = TaskKind.Regression,
        Targets = 2,
        Validation = 0.25,
        DataSeed = 7,
        Standardize = false,
        Model = new ModelSpec { Hidden = [64, 32], Activation = ActivationKind.LeakyRelu, Init = InitScheme.Xavier, NegativeSlope = 0.02 },
        Loss = LossKind.Mse,
        Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9, Nesterov = true },
        LearningRate = new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5, Warmup = 5 },
        WeightDecay = ScheduleSpec.ConstantOf(1e-4),
        BatchSize = new ScheduleSpec
        {
            Family = ScheduleFamily.Step, Initial = 32, Gamma = 2, Milestones = [10, 20], Every = ScheduleClock.Epoch, Max = 256,
        },
        Epochs = 30,
        Seed = 3,
        Shuffle = false,
    };

    [Fact]
    public void FullYamlAndJsonBindToTheSameSpec()
    {
        using var dir = new TempDir();
        var yaml = TrialSpecLoader.Load(dir.Write("trial.yaml", FullYaml));
        var json = TrialSpecLoader.Load(dir.Write("trial.json", FullJson));
        SpecAssert.Equal(Full, yaml.Spec);
        SpecAssert.Equal(Full, json.Spec);
    }

    [Fact]
    public void RelativeDatasetPathIsKeptRawAndResolvedAgainstTheSpecDirectory()
    {
        using var dir = new TempDir();
        var loaded = TrialSpecLoader.Load(dir.Write("trial.yml", FullYaml));
        Assert.Equal("data/train.csv", loaded.Spec.Dataset);
        Assert.Equal(Path.GetFullPath(dir.Path), loaded.BaseDirectory);
        Assert.Equal(Path.Combine(Path.GetFullPath(dir.Path), "data", "train.csv"), loaded.DatasetPath);
        Assert.Null(TrialSpecLoader.Parse("dataset: digits", SpecFormat.Yaml).DatasetPath);
    }

    [Theory]
    [InlineData("{}", SpecFormat.Yaml)]
    [InlineData("{}", SpecFormat.Json)]
    [InlineData("seed: 1 # only a default", SpecFormat.Yaml)]
    public void OmittedKeysTakeTheRecordDefaults(string text, SpecFormat format) =>
        SpecAssert.Equal(new TrialSpec(), TrialSpecLoader.Parse(text, format).Spec);

    [Fact]
    public void OmittedNestedKeysTakeTheirDefaults()
    {
        var spec = TrialSpecLoader.Parse("model: { activation: tanh }\noptimizer: adam\nlearning_rate: { schedule: cosine }", SpecFormat.Yaml).Spec;
        SpecAssert.Equal(new TrialSpec
        {
            Model = new ModelSpec { Activation = ActivationKind.Tanh },
            Optimizer = new OptimizerSpec { Type = OptimizerKind.Adam },
            LearningRate = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.01 },
        }, spec);
    }

    [Theory]
    [InlineData(SpecFormat.Yaml, "learning_rate: 0.5\nweight_decay: 0\nbatch_size: 64")]
    [InlineData(SpecFormat.Json, """{"learning_rate": 0.5, "weight_decay": 0, "batch_size": 64}""")]
    public void BareNumbersAreConstantSchedules(SpecFormat format, string text)
    {
        var spec = TrialSpecLoader.Parse(text, format).Spec;
        Assert.Equal(ScheduleSpec.ConstantOf(0.5), spec.LearningRate);
        Assert.Equal(ScheduleSpec.ConstantOf(0), spec.WeightDecay);
        Assert.Equal(ScheduleSpec.ConstantOf(64), spec.BatchSize);
    }

    [Fact]
    public void AdaptiveSchedulesBindTheirBaseAndOwnKeys()
    {
        var spec = TrialSpecLoader.Parse("""
            learning_rate:
              schedule: fan_in
              base: { schedule: cosine, initial: 0.2, final: 0.001 }
              power: 1
              reference: 64
            weight_decay: { schedule: plateau, initial: 0.001, factor: 0.5, patience: 3, threshold: 0.01, cooldown: 2 }
            batch_size: { schedule: noise_scale, initial: 16, smoothing: 0.8, min: 8, max: 512 }
            """, SpecFormat.Yaml).Spec;
        Assert.Equal(ScheduleFamily.FanIn, spec.LearningRate.Family);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.2, Final = 0.001 }, spec.LearningRate.Base);
        Assert.Equal(0.2, spec.LearningRate.Initial);
        Assert.Equal((1.0, 64.0), (spec.LearningRate.Power, spec.LearningRate.Reference!.Value));
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.Plateau, Initial = 0.001, Factor = 0.5, Patience = 3, Threshold = 0.01, Cooldown = 2 },
            spec.WeightDecay);
        Assert.Equal(new ScheduleSpec { Family = ScheduleFamily.NoiseScale, Initial = 16, Smoothing = 0.8, Min = 8, Max = 512 }, spec.BatchSize);
    }

    [Theory]
    [InlineData("LeakyRelu")]
    [InlineData("leaky-relu")]
    [InlineData("LEAKY_RELU")]
    public void EnumNamesAreForgivingAboutCaseAndSeparators(string name) =>
        Assert.Equal(ActivationKind.LeakyRelu, TrialSpecLoader.Parse($"model: {{ activation: {name} }}", SpecFormat.Yaml).Spec.Model.Activation);

    [Fact]
    public void EmptyHiddenListIsALinearModel() =>
        Assert.Empty(TrialSpecLoader.Parse("model: { hidden: [] }", SpecFormat.Yaml).Spec.Model.Hidden);

    [Fact]
    public void WholeNumbersMayUseExponentsAndBooleansAnyCase()
    {
        var spec = TrialSpecLoader.Parse("epochs: 1e2\nshuffle: FALSE\nseed: 9007199254740993", SpecFormat.Yaml).Spec;
        Assert.Equal((100, false, 9007199254740993L), (spec.Epochs, spec.Shuffle, spec.Seed));
    }

    [Fact]
    public void YamlAliasesAreResolved()
    {
        var spec = TrialSpecLoader.Parse("""
            learning_rate: &lr { schedule: exponential, initial: 0.1, gamma: 0.9 }
            weight_decay: *lr
            """, SpecFormat.Yaml).Spec;
        Assert.Equal(spec.LearningRate, spec.WeightDecay);
        Assert.Equal(ScheduleFamily.Exponential, spec.WeightDecay.Family);
    }

    [Fact]
    public void EnumSpecNamesMatchTheBrief()
    {
        Assert.Equal("leaky_relu", SpecNames.Of(ActivationKind.LeakyRelu));
        Assert.Equal("inverse_time", SpecNames.Of(ScheduleFamily.InverseTime));
        Assert.Equal("noise_scale", SpecNames.Of(ScheduleFamily.NoiseScale));
        Assert.Equal("fan_in", SpecNames.Of(ScheduleFamily.FanIn));
        Assert.Equal("feature_scale", SpecNames.Of(ScheduleFamily.FeatureScale));
        Assert.Equal("rmsprop", SpecNames.Of(OptimizerKind.RmsProp));
        Assert.Equal("adamw", SpecNames.Of(OptimizerKind.AdamW));
        Assert.Equal("cross_entropy", SpecNames.Of(LossKind.CrossEntropy));
    }

    [Fact]
    public void DocumentTreeKeepsPositionsAndScalarKinds()
    {
        var doc = SpecDocument.Parse("a: 1\nb:\n  - 'x'\n  - y\n", SpecFormat.Yaml);
        var root = Assert.IsType<SpecMapping>(doc.Root);
        Assert.Equal(["a", "b"], root.Entries.Select(e => e.Key));
        var list = Assert.IsType<SpecSequence>(root.Find("b")!.Value);
        var quoted = Assert.IsType<SpecScalar>(list.Items[0]);
        Assert.Equal((3, 5, "x", true), (quoted.Line, quoted.Column, quoted.Text, quoted.Quoted));
        Assert.False(Assert.IsType<SpecScalar>(list.Items[1]).Quoted);

        var json = Assert.IsType<SpecMapping>(SpecDocument.Parse("{\n \"a\": [1, \"s\"]\n}", SpecFormat.Json).Root);
        var items = Assert.IsType<SpecSequence>(json.Entries[0].Value).Items.Cast<SpecScalar>().ToArray();
        Assert.Equal((2, 2), (json.Entries[0].KeyLine, json.Entries[0].KeyColumn));
        Assert.Equal(System.Text.Json.JsonTokenType.Number, items[0].JsonKind);
        Assert.Equal((System.Text.Json.JsonTokenType.String, 2, 11), (items[1].JsonKind!.Value, items[1].Line, items[1].Column));
    }
}
