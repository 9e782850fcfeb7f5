using System.Text.Json.Serialization;

namespace SweepCluster.Core.Specs;

/// <summary>Hidden layer sizes and their non-linearity.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.ModelSpec")]
public sealed record ModelSpec
{
    [Id(0)] public IReadOnlyList<int> Hidden { get; init; } = [64, 32];
    [Id(1)] public ActivationKind Activation { get; init; } = ActivationKind.Relu;
    [Id(2)] public InitScheme Init { get; init; } = InitScheme.He;

    /// <summary>leaky_relu: slope for negative inputs (PyTorch default 0.01).</summary>
    [Id(3)] public double NegativeSlope { get; init; } = 0.01;
}

/// <summary>Optimizer settings with torch.optim's defaults.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.OptimizerSpec")]
public sealed record OptimizerSpec
{
    [Id(0)] public OptimizerKind Type { get; init; } = OptimizerKind.Sgd;
    [Id(1)] public double Momentum { get; init; }
    [Id(2)] public bool Nesterov { get; init; }
    [Id(3)] public double Beta1 { get; init; } = 0.9;
    [Id(4)] public double Beta2 { get; init; } = 0.999;
    [Id(5)] public double Eps { get; init; } = 1e-8;

    /// <summary>RMSprop smoothing constant.</summary>
    [Id(6)] public double Alpha { get; init; } = 0.99;

    /// <summary>RMSprop: normalise by the centred second moment.</summary>
    [Id(7)] public bool Centered { get; init; }
}

/// <summary>One training run: data, model, loss, optimizer and the three schedules. See docs/spec.md.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.TrialSpec")]
public sealed record TrialSpec
{
    /// <summary>A built-in dataset name or a path to a .csv file.</summary>
    [Id(0)] public string Dataset { get; init; } = "digits";

    /// <summary>Null: the built-in dataset's task, else classification.</summary>
    [Id(1)] public TaskKind? Task { get; init; }

    /// <summary>Regression on a CSV: how many trailing columns are targets.</summary>
    [Id(2)] public int Targets { get; init; } = 1;

    /// <summary>Fraction of rows held out for validation (0 = none).</summary>
    [Id(3)] public double Validation { get; init; } = 0.2;

    [Id(4)] public long DataSeed { get; init; }
    [Id(5)] public bool Standardize { get; init; } = true;
    [Id(6)] public ModelSpec Model { get; init; } = new();

    /// <summary>Null: cross_entropy for classification, mse for regression.</summary>
    [Id(7)] public LossKind? Loss { get; init; }

    [Id(8)] public OptimizerSpec Optimizer { get; init; } = new();
    [Id(9)] public ScheduleSpec LearningRate { get; init; } = ScheduleSpec.ConstantOf(0.01);
    [Id(10)] public ScheduleSpec WeightDecay { get; init; } = ScheduleSpec.ConstantOf(0);
    [Id(11)] public ScheduleSpec BatchSize { get; init; } = ScheduleSpec.ConstantOf(32);
    [Id(12)] public int Epochs { get; init; } = 10;
    [Id(13)] public long Seed { get; init; } = 1;
    [Id(14)] public bool Shuffle { get; init; } = true;

    /// <summary>Fraction of rows held out as a test split (0 = none), carved before the validation split and never
    /// trained on or decided by: evaluated once, on the final weights. Left out of a spec's JSON when 0, so the JSON
    /// of a spec without a test split is what it was before the key existed.</summary>
    [Id(15), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public double Test { get; init; }

    /// <summary>The user's own program trains the trial instead of the built-in engine; null: the engine.</summary>
    [Id(16), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ExternalTrainerSpec? Trainer { get; init; }

    /// <summary>An external trainer's free-form searched values: name → the value as a JSON literal (a number, a
    /// string in quotes, true or false), by name; null: none.</summary>
    [Id(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public IReadOnlyDictionary<string, string>? Params { get; init; }
}
