// Rows for the store tests: sweeps, trials with hyperparameters from real trial specs (a quickstart-like grid of
// learning-rate schedules and batch sizes), and epochs with plausible values.
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Store.Tests.Support;

public static class SampleRows
{
    /// <summary>A fixed instant with microseconds, which both engines keep exactly.</summary>
    public static readonly DateTimeOffset Created = new DateTimeOffset(2026, 11, 26, 17, 26, 0, TimeSpan.Zero).AddTicks(1_234_560);

    public static SweepRow Sweep(string id, DateTimeOffset? created = null) =>
        new(id, $"name-{id}", $"name: {id}\nsearch: {{ strategy: grid }}\n", SweepStatus.Running, created ?? Created, null,
            new MetricSpec(MetricName.ValAccuracy, MetricGoal.Maximize));

    /// <summary>The learning-rate schedules of the quickstart example, by combination.</summary>
    public static readonly IReadOnlyList<ScheduleSpec> LearningRates =
    [
        ScheduleSpec.ConstantOf(0.05),
        new() { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 },
        new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001, Warmup = 50 },
    ];

    /// <summary>A trial spec with the quickstart's <paramref name="combination"/>-th learning rate and a batch size of 32 or 64.</summary>
    public static TrialSpec Spec(int combination) => new()
    {
        LearningRate = LearningRates[combination % LearningRates.Count],
        BatchSize = ScheduleSpec.ConstantOf(combination % 2 == 0 ? 32 : 64),
        Seed = combination + 1,
    };

    public static TrialRow Trial(string sweep, int index, TrialStatus status = TrialStatus.Running) =>
        new(sweep, index, index / 2, index % 2 + 1, status)
        {
            Hyperparameters = HyperparameterColumns.Of(Spec(index / 2)),
            EpochsRun = index % 7,
            Attempts = 1,
            Silo = "127.0.0.1:11111@1",
            BestMetric = 0.5 + index * 1e-4,
            BestEpoch = index % 7,
            FinalMetric = 0.49 + index * 1e-4,
            WallSeconds = 1.25,
        };

    public static EpochRow Epoch(string sweep, int trial, int epoch, double trainLoss = 1.5) =>
        new(sweep, trial, new EpochRecord(epoch, epoch * 45L, trainLoss / epoch, 0.5 + epoch * 0.01, 1.0 / epoch, 0.6 + epoch * 0.01, null,
            0.1 / epoch, 1e-4, 32));

    /// <summary>A trial's hyperparameters keyed by column, for comparisons that ignore column order.</summary>
    public static IReadOnlyDictionary<string, object> ByColumn(this TrialRow trial) =>
        trial.Hyperparameters.ToDictionary(value => value.Column, value => value.Value);

    /// <summary>The trial without its hyperparameters (compared apart, by column).</summary>
    public static TrialRow WithoutHyperparameters(this TrialRow trial) => trial with { Hyperparameters = NoHyperparameters };

    private static readonly IReadOnlyList<HyperparameterValue> NoHyperparameters = [];
}
