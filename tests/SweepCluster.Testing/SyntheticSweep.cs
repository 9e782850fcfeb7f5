// Builds SweepReportInputs for tests: combinations with axes and schedule families, seeds with chosen outcomes, and
// synthetic but plausible histories (decaying losses, a metric that ends at the chosen value, the applied schedules).
// The report builder's and the renderers' tests use it. It does not train anything.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Reporting;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Testing;

/// <summary>What happens to one seed of a combination.</summary>
public sealed record SeedOutcome(TrialStatus Status, double? Metric = null, string? Error = null, int Epochs = SyntheticSweep.DefaultEpochs)
{
    public static SeedOutcome Completed(double metric, int epochs = SyntheticSweep.DefaultEpochs) => new(TrialStatus.Completed, metric, Epochs: epochs);
    public static SeedOutcome Diverged(int epochs = 3) => new(TrialStatus.Diverged, Error: "loss became NaN at step 120", Epochs: epochs);
    public static SeedOutcome Failed(string error, int epochs = 2) => new(TrialStatus.Failed, Error: error, Epochs: epochs);
    public static SeedOutcome Running(int epochs = 4) => new(TrialStatus.Running, Epochs: epochs);

    /// <summary>Stopped by the trial scheduler after <paramref name="epochs"/>, its metric then at <paramref name="metricAtStop"/>.</summary>
    public static SeedOutcome Pruned(int epochs, double metricAtStop) =>
        new(TrialStatus.Pruned, metricAtStop, Error: $"rung at epoch {epochs}: not in the top 1/3", Epochs: epochs);
    public static SeedOutcome Pending { get; } = new(TrialStatus.Pending, Epochs: 0);
}

/// <summary>A fluent builder of sweep report inputs.</summary>
public sealed class SyntheticSweep(MetricSpec metric, string name = "synthetic sweep")
{
    public const int DefaultEpochs = 10;
    private const int StepsPerEpoch = 45;
    private const double WallSecondsPerEpoch = 1.5;
    private static readonly string[] SiloNames = ["silo-a", "silo-b", "silo-c"];
    private static readonly DateTimeOffset Created = new(2025, 3, 14, 9, 26, 53, TimeSpan.Zero);

    private readonly List<TrialConfiguration> trials = [];
    private readonly List<TrialResult> results = [];
    private int nextCombination;

    public MetricSpec Metric => metric;

    /// <summary>Adds a combination whose seeds are 1, 2, 3, … with the given outcomes.</summary>
    public SyntheticSweep Combination((string Path, string Value)[] axes, TrialSpec spec, params SeedOutcome[] seeds)
    {
        var combination = nextCombination++;
        for (var s = 0; s < seeds.Length; s++)
        {
            var index = trials.Count;
            var seed = s + 1L;
            trials.Add(new TrialConfiguration(index, combination, seed,
                axes.Select(a => KeyValuePair.Create(a.Path, a.Value)).ToArray(), spec with { Seed = seed }));
            if (seeds[s].Status != TrialStatus.Pending) results.Add(ResultOf(index, combination, seed, spec, seeds[s]));
        }
        return this;
    }

    /// <summary>Adds a combination with a constant learning rate named by <paramref name="label"/> and the given metrics, all completed.</summary>
    public SyntheticSweep Completed(string label, params double[] metrics) =>
        Combination([("learning_rate", label)], new TrialSpec(), metrics.Select(m => SeedOutcome.Completed(m)).ToArray());

    /// <summary>Changes the result of trial <paramref name="index"/> (it must have one), e.g. to add what a scheduler did to it.</summary>
    public SyntheticSweep WithResult(int index, Func<TrialResult, TrialResult> change)
    {
        var at = results.FindIndex(r => r.Index == index);
        if (at < 0) throw new ArgumentException($"trial {index} has no result", nameof(index));
        results[at] = change(results[at]);
        return this;
    }

    public SweepReportInput Build(SweepStatus status = SweepStatus.Completed) =>
        new("sw-0001", name, status, metric, trials.ToArray(), results.ToArray(), Created,
            status == SweepStatus.Running ? null : Created.AddMinutes(42));

    /// <summary>A realistic sweep: 4 learning-rate schedules × 2 batch-size schedules × 3 seeds, with a diverging
    /// learning rate, a failure, a running and a pending trial.</summary>
    public static SweepReportInput Realistic(string name = "digits: lr × batch schedules")
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultClassification, name);
        var learningRates = new (string Words, ScheduleSpec Spec, double Quality)[]
        {
            ("constant(0.05)", ScheduleSpec.ConstantOf(0.05), 0.930),
            ("inverse_time(0.1, α=0.01, β=0.5)", new ScheduleSpec { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 }, 0.955),
            ("cosine(0.2 → 0)", new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.2 }, 0.962),
            ("constant(3)", ScheduleSpec.ConstantOf(3), double.NaN),
        };
        var batchSizes = new (string Words, ScheduleSpec Spec, double Bonus)[]
        {
            ("constant(32)", ScheduleSpec.ConstantOf(32), 0.0),
            ("step(32, γ=2, every 4)", new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 32, Gamma = 2, StepSize = 4 }, -0.012),
        };
        foreach (var lr in learningRates)
        {
            foreach (var bs in batchSizes)
            {
                var spec = new TrialSpec { LearningRate = lr.Spec, BatchSize = bs.Spec, WeightDecay = ScheduleSpec.ConstantOf(1e-4), Epochs = DefaultEpochs };
                var axes = new[] { ("learning_rate", lr.Words), ("batch_size", bs.Words) };
                var seeds = double.IsNaN(lr.Quality)
                    ? new[] { SeedOutcome.Diverged(), SeedOutcome.Diverged(2), SeedOutcome.Failed("worker lost: silo-b stopped, \"retry\" exhausted") }
                    : new[] { 0.004, -0.003, 0.001 }.Select(noise => SeedOutcome.Completed(Math.Round(lr.Quality + bs.Bonus + noise, 4))).ToArray();
                sweep.Combination(axes, spec, seeds);
            }
        }
        sweep.Combination([("learning_rate", "constant(0.01)"), ("batch_size", "constant(32)")], new TrialSpec(),
            SeedOutcome.Completed(0.912), SeedOutcome.Running(), SeedOutcome.Pending);
        return sweep.Build();
    }

    /// <summary>Successive halving over six learning rates, one seed each: 0.01 and 0.03 completed, 0.003 pruned at
    /// epoch 3, 0.001 and 0.3 pruned at epoch 1, and 3 diverged at epoch 2 (combinations 0 to 5 in that order).</summary>
    public static SyntheticSweep SuccessiveHalving() =>
        new SyntheticSweep(MetricSpec.DefaultClassification, "asha")
            .Combination([("learning_rate", "constant(0.001)")], new TrialSpec(), SeedOutcome.Pruned(1, 0.41))
            .Combination([("learning_rate", "constant(0.3)")], new TrialSpec(), SeedOutcome.Pruned(1, 0.62))
            .Combination([("learning_rate", "constant(3)")], new TrialSpec(), SeedOutcome.Diverged(2))
            .Completed("constant(0.01)", 0.93)
            .Combination([("learning_rate", "constant(0.003)")], new TrialSpec(), SeedOutcome.Pruned(3, 0.85))
            .Completed("constant(0.03)", 0.95);

    /// <summary>A PBT population of four constant learning rates, one seed each: trial 2 copied trial 0 at epoch 2;
    /// trial 3 copied trial 1 at epoch 2 and trial 0 at epoch 4 (given out of order), resampling trial 1's schedules.</summary>
    public static SyntheticSweep PopulationBasedTraining() =>
        new SyntheticSweep(MetricSpec.DefaultClassification, "pbt population")
            .Completed("constant(0.1)", 0.95).Completed("constant(0.03)", 0.94).Completed("constant(0.01)", 0.93).Completed("constant(0.003)", 0.92)
            .WithResult(2, r => r with { Exploits = [new ExploitEvent(2, 0, 0.8, 1.2, 0.8)] })
            .WithResult(3, r => r with { Exploits = [new ExploitEvent(4, 0, 1, 1, 1, ResampleDraw: 1), new ExploitEvent(2, 1, 1.2, 0.8, 1.2)] });

    private static TrialResult ResultOf(int index, int combination, long seed, TrialSpec spec, SeedOutcome outcome)
    {
        var history = Enumerable.Range(1, outcome.Epochs).Select(e => Epoch(e, outcome, spec)).ToArray();
        var silos = new[] { SiloNames[index % SiloNames.Length] };
        var pruned = outcome.Status == TrialStatus.Pruned;
        return new TrialResult(index, combination, seed, outcome.Status, history,
            outcome.Status == TrialStatus.Completed ? outcome.Metric : null, pruned ? null : outcome.Error, silos,
            WallSeconds: outcome.Epochs * WallSecondsPerEpoch, Attempts: 1,
            StopReason: pruned ? outcome.Error : null, StoppedAtEpoch: pruned ? outcome.Epochs : null);
    }

    /// <summary>One epoch: losses decay towards a floor; the validation metric rises to the outcome's final value.</summary>
    private static EpochRecord Epoch(int epoch, SeedOutcome outcome, TrialSpec spec)
    {
        var progress = (double)epoch / Math.Max(outcome.Epochs, 1);
        var final = outcome.Metric ?? 0.5;
        var diverging = outcome.Status == TrialStatus.Diverged && epoch == outcome.Epochs;
        var trainLoss = diverging ? double.NaN : 0.1 + 2.2 * Math.Exp(-3.0 * progress) * (1.0 - final + 0.1);
        var valLoss = diverging ? (double?)null : trainLoss * 1.15 + 0.02;
        var valMetric = final - (1.0 - progress) * 0.6 * (final - 0.1);
        var step = (long)epoch * StepsPerEpoch;
        var t = (epoch - 1) * StepsPerEpoch;
        return new EpochRecord(epoch, step, trainLoss, valMetric - 0.01, valLoss, valMetric, null,
            Applied(spec.LearningRate, t, spec.Epochs * StepsPerEpoch), Applied(spec.WeightDecay, t, spec.Epochs * StepsPerEpoch),
            (int)Applied(spec.BatchSize, epoch - 1, spec.Epochs));
    }

    /// <summary>A close-enough value of a few schedule families at t of horizon T.</summary>
    private static double Applied(ScheduleSpec s, long t, long horizon) => s.Family switch
    {
        ScheduleFamily.InverseTime => s.Initial * Math.Pow(1 + s.Alpha * t, -s.Beta),
        ScheduleFamily.Cosine => s.Final + (s.Initial - s.Final) * (1 + Math.Cos(Math.PI * t / horizon)) / 2,
        ScheduleFamily.Step => s.Initial * Math.Pow(s.Gamma, t / Math.Max(s.StepSize, 1)),
        _ => s.Initial,
    };
}
