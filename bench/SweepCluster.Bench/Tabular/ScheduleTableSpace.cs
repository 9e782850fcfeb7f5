// The configuration space of the schedule table: optimiser, initial learning rate, learning-rate schedule family and
// that family's parameters, weight decay and batch size, as a grid; and how one configuration becomes a TrialSpec.
using System.Globalization;
using SweepCluster.Core.Specs;
using SweepCluster.Tabular.Space;

namespace SweepCluster.Bench.Tabular;

/// <summary>The learning-rate schedule families of the table (warm-up is linear warm-up then cosine decay).</summary>
public enum TableSchedule { Constant, InverseTime, Exponential, Polynomial, Step, Cosine, Warmup }

/// <summary>The table's dimensions and the mapping of a configuration to the engine's <see cref="TrialSpec"/>.</summary>
public static class ScheduleTableSpace
{
    /// <summary>The dimension names: the table's column names and Optuna's parameter names.</summary>
    public const string Optimizer = "optimizer";
    public const string LearningRate = "lr";
    public const string Schedule = "schedule";
    public const string InverseTimeAlpha = "inverse_time.alpha";
    public const string ExponentialGamma = "exponential.gamma";
    public const string PolynomialPower = "polynomial.power";
    public const string StepGamma = "step.gamma";
    public const string WarmupEpochs = "warmup.epochs";
    public const string WeightDecay = "weight_decay";
    public const string BatchSize = "batch_size";

    /// <summary>The batch-size label of the growing schedule: 16, doubled every <see cref="GrowthPeriodEpochs"/> epochs.</summary>
    public const string GrowingBatch = "growing";

    /// <summary>The growing batch size's first value, factor and period: 16, 32, 64 over 27 epochs.</summary>
    public const int GrowingBatchInitial = 16;
    public const double GrowthFactor = 2;
    public const int GrowthPeriodEpochs = 9;

    /// <summary>Step decay's period in epochs (decays after epochs 9 and 18 of 27).</summary>
    public const int StepPeriodEpochs = 9;

    /// <summary>SGD's momentum (Adam keeps torch's betas).</summary>
    public const double SgdMomentum = 0.9;

    /// <summary>The optimisers of the table, as the <see cref="Optimizer"/> dimension lists them.</summary>
    public static readonly IReadOnlyList<OptimizerKind> Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam];

    /// <summary>The dimensions, parents before children.</summary>
    public static readonly IReadOnlyList<TableDimension> Dimensions =
    [
        new(Optimizer, DimensionScale.Categorical, Optimizers.Select(SpecNames.Of).ToArray()),
        new(LearningRate, DimensionScale.Log, ["0.001", "0.003", "0.01", "0.03", "0.1", "0.3"]),
        new(Schedule, DimensionScale.Categorical, SpecNames.All<TableSchedule>()),
        new(InverseTimeAlpha, DimensionScale.Log, ["0.1", "0.5"], Schedule, SpecNames.Of(TableSchedule.InverseTime)),
        new(ExponentialGamma, DimensionScale.Linear, ["0.9", "0.95"], Schedule, SpecNames.Of(TableSchedule.Exponential)),
        new(PolynomialPower, DimensionScale.Linear, ["1", "2"], Schedule, SpecNames.Of(TableSchedule.Polynomial)),
        new(StepGamma, DimensionScale.Log, ["0.1", "0.3"], Schedule, SpecNames.Of(TableSchedule.Step)),
        new(WarmupEpochs, DimensionScale.Integer, ["2", "5"], Schedule, SpecNames.Of(TableSchedule.Warmup)),
        new(WeightDecay, DimensionScale.Categorical, ["0", "0.0001", "0.001"]),
        new(BatchSize, DimensionScale.Categorical, ["16", "32", "64", GrowingBatch]),
    ];

    public static TableSpace Space { get; } = new(Dimensions);

    /// <summary>The spec that trains <paramref name="configuration"/> on <paramref name="dataset"/> for <paramref name="epochs"/> epochs.</summary>
    public static TrialSpec ToTrialSpec(TableConfiguration configuration, string dataset, IReadOnlyList<int> hidden, int epochs, int seed, double validation) => new()
    {
        Dataset = dataset,
        Validation = validation,
        Standardize = true,
        Model = new ModelSpec { Hidden = hidden.ToArray(), Activation = ActivationKind.Relu, Init = InitScheme.He },
        Optimizer = OptimizerOf(configuration),
        LearningRate = LearningRateOf(configuration),
        WeightDecay = ScheduleSpec.ConstantOf(Number(configuration, WeightDecay)),
        BatchSize = BatchSizeOf(configuration),
        Epochs = epochs,
        Seed = seed,
        Shuffle = true,
    };

    /// <summary>The batch size of epoch <paramref name="epoch"/> (0-based).</summary>
    public static int BatchSizeAt(TableConfiguration configuration, int epoch)
    {
        var label = Choice(configuration, BatchSize);
        return label == GrowingBatch
            ? (int)(GrowingBatchInitial * Math.Pow(GrowthFactor, epoch / GrowthPeriodEpochs))
            : int.Parse(label, CultureInfo.InvariantCulture);
    }

    private static OptimizerSpec OptimizerOf(TableConfiguration configuration) =>
        Optimizers[configuration[Space.IndexOf(Optimizer)]] == OptimizerKind.Sgd
            ? new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = SgdMomentum }
            : new OptimizerSpec { Type = OptimizerKind.Adam };

    // Every learning-rate schedule runs on the epoch clock, so its parameters read in epochs whatever the batch size.
    private static ScheduleSpec LearningRateOf(TableConfiguration configuration)
    {
        var initial = Number(configuration, LearningRate);
        var schedule = (TableSchedule)configuration[Space.IndexOf(Schedule)];
        var spec = new ScheduleSpec { Initial = initial, Every = ScheduleClock.Epoch };
        return schedule switch
        {
            TableSchedule.Constant => spec with { Family = ScheduleFamily.Constant },
            TableSchedule.InverseTime => spec with { Family = ScheduleFamily.InverseTime, Alpha = Number(configuration, InverseTimeAlpha), Beta = 1 },
            TableSchedule.Exponential => spec with { Family = ScheduleFamily.Exponential, Gamma = Number(configuration, ExponentialGamma) },
            TableSchedule.Polynomial => spec with { Family = ScheduleFamily.Polynomial, Beta = Number(configuration, PolynomialPower), Final = 0 },
            TableSchedule.Step => spec with { Family = ScheduleFamily.Step, Gamma = Number(configuration, StepGamma), StepSize = StepPeriodEpochs },
            TableSchedule.Cosine => spec with { Family = ScheduleFamily.Cosine, Final = 0 },
            TableSchedule.Warmup => spec with { Family = ScheduleFamily.Cosine, Final = 0, Warmup = (long)Number(configuration, WarmupEpochs) },
            _ => throw new ArgumentOutOfRangeException(nameof(configuration), schedule, "unknown table schedule"),
        };
    }

    private static ScheduleSpec BatchSizeOf(TableConfiguration configuration) =>
        Choice(configuration, BatchSize) == GrowingBatch
            ? new ScheduleSpec { Family = ScheduleFamily.Step, Initial = GrowingBatchInitial, Gamma = GrowthFactor, StepSize = GrowthPeriodEpochs, Every = ScheduleClock.Epoch }
            : ScheduleSpec.ConstantOf(BatchSizeAt(configuration, 0));

    private static string Choice(TableConfiguration configuration, string dimension)
    {
        var index = Space.IndexOf(dimension);
        return Space.Dimensions[index].Choices[configuration[index]];
    }

    private static double Number(TableConfiguration configuration, string dimension) =>
        double.Parse(Choice(configuration, dimension), CultureInfo.InvariantCulture);
}
