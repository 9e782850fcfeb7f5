namespace SweepCluster.Engine.Specs;

/// <summary>Hidden layer sizes and their non-linearity.</summary>
public sealed record ModelSpec
{
    public IReadOnlyList<int> Hidden { get; init; } = [64, 32];
    public ActivationKind Activation { get; init; } = ActivationKind.Relu;
    public InitScheme Init { get; init; } = InitScheme.He;

    /// <summary>leaky_relu: slope for negative inputs (PyTorch default 0.01).</summary>
    public double NegativeSlope { get; init; } = 0.01;
}

/// <summary>Optimizer settings with torch.optim's defaults.</summary>
public sealed record OptimizerSpec
{
    public OptimizerKind Type { get; init; } = OptimizerKind.Sgd;
    public double Momentum { get; init; }
    public bool Nesterov { get; init; }
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;

    /// <summary>RMSprop smoothing constant.</summary>
    public double Alpha { get; init; } = 0.99;

    /// <summary>RMSprop: normalise by the centred second moment.</summary>
    public bool Centered { get; init; }
}

/// <summary>One training run: data, model, loss, optimizer and the three schedules. See README.md.</summary>
public sealed record TrialSpec
{
    /// <summary>A built-in dataset name or a path to a .csv file.</summary>
    public string Dataset { get; init; } = "digits";

    /// <summary>Null: the built-in dataset's task, else classification.</summary>
    public TaskKind? Task { get; init; }

    /// <summary>Regression on a CSV: how many trailing columns are targets.</summary>
    public int Targets { get; init; } = 1;

    /// <summary>Fraction of rows held out for validation (0 = none).</summary>
    public double Validation { get; init; } = 0.2;

    public long DataSeed { get; init; }
    public bool Standardize { get; init; } = true;
    public ModelSpec Model { get; init; } = new();

    /// <summary>Null: cross_entropy for classification, mse for regression.</summary>
    public LossKind? Loss { get; init; }

    public OptimizerSpec Optimizer { get; init; } = new();
    public ScheduleSpec LearningRate { get; init; } = ScheduleSpec.ConstantOf(0.01);
    public ScheduleSpec WeightDecay { get; init; } = ScheduleSpec.ConstantOf(0);
    public ScheduleSpec BatchSize { get; init; } = ScheduleSpec.ConstantOf(32);
    public int Epochs { get; init; } = 10;
    public long Seed { get; init; } = 1;
    public bool Shuffle { get; init; } = true;
}
