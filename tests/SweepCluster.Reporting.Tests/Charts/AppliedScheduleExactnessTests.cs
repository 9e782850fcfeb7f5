// The applied-schedule chart draws what the optimizer really used: real short runs of the engine, one per schedule
// family, adaptive policy and a PBT exploit, watched step by step through Trainer.StepObserver; their last checkpoint
// becomes the report's trace (AppliedStepsReader, as the coordinator reads it), the chart is built, and at every step
// the value its stepped line holds there must equal, bit for bit, what the step handed the optimizer.
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Reporting.Charts;

namespace SweepCluster.Reporting.Tests.Charts;

public sealed class AppliedScheduleExactnessTests
{
    private const int Epochs = 5;
    private const int BatchSize = 64;

    /// <summary>The schedules tried, by name: learning rate, weight decay and batch size of each run.</summary>
    public static TheoryData<string> Runs => new(Specs.Keys);

    private static readonly IReadOnlyDictionary<string, (ScheduleSpec LearningRate, ScheduleSpec WeightDecay, ScheduleSpec BatchSize)> Specs =
        new Dictionary<string, (ScheduleSpec, ScheduleSpec, ScheduleSpec)>
        {
            ["constant"] = (ScheduleSpec.ConstantOf(0.05), ScheduleSpec.ConstantOf(1e-4), ScheduleSpec.ConstantOf(BatchSize)),
            ["inverse time"] = (new() { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.02, Beta = 0.75 },
                new() { Family = ScheduleFamily.InverseTime, Initial = 1e-3, Alpha = 0.01, Beta = 1 },
                new() { Family = ScheduleFamily.InverseTime, Initial = 16, Alpha = 1, Beta = -1 }),
            ["exponential"] = (new() { Family = ScheduleFamily.Exponential, Initial = 0.1, Gamma = 0.99 },
                new() { Family = ScheduleFamily.Exponential, Initial = 1e-3, Gamma = 0.5, Every = ScheduleClock.Epoch },
                new() { Family = ScheduleFamily.Exponential, Initial = 16, Gamma = 1.01, Every = ScheduleClock.Step, Max = 200 }),
            ["polynomial"] = (new() { Family = ScheduleFamily.Polynomial, Initial = 0.1, Final = 0.001, Beta = 2 },
                new() { Family = ScheduleFamily.Polynomial, Initial = 1e-3, Final = 0, Beta = 1 },
                new() { Family = ScheduleFamily.Polynomial, Initial = 16, Final = 128, Beta = 1 }),
            ["step"] = (new() { Family = ScheduleFamily.Step, Initial = 0.1, Gamma = 0.5, StepSize = 25 },
                new() { Family = ScheduleFamily.Step, Initial = 1e-3, Gamma = 0.1, Milestones = [30, 70] },
                new() { Family = ScheduleFamily.Step, Initial = 32, Gamma = 2, StepSize = 2 }),
            ["cosine"] = (new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001 },
                new() { Family = ScheduleFamily.Cosine, Initial = 1e-3, Final = 0, Every = ScheduleClock.Epoch },
                ScheduleSpec.ConstantOf(BatchSize)),
            ["warm-up"] = (new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0, Warmup = 40 },
                new() { Family = ScheduleFamily.Constant, Initial = 1e-3, Warmup = 10 },
                ScheduleSpec.ConstantOf(BatchSize)),
            ["plateau"] = (new() { Family = ScheduleFamily.Plateau, Initial = 0.3, Factor = 0.5, Patience = 0, Threshold = 0.05,
                    Base = new() { Family = ScheduleFamily.Cosine, Initial = 0.3, Final = 0.01 } },
                new() { Family = ScheduleFamily.Plateau, Initial = 1e-3, Factor = 0.1, Patience = 0, Threshold = 0.05 },
                ScheduleSpec.ConstantOf(BatchSize)),
            ["noise scale"] = (ScheduleSpec.ConstantOf(0.05), ScheduleSpec.ConstantOf(0),
                new() { Family = ScheduleFamily.NoiseScale, Initial = 8, Smoothing = 0.0, Min = 2, Max = 512 }),
            ["fan-in and feature scale"] = (new() { Family = ScheduleFamily.FanIn, Initial = 0.05, Power = 1,
                    Base = new() { Family = ScheduleFamily.Step, Initial = 0.05, Gamma = 0.5, StepSize = 60 } },
                new() { Family = ScheduleFamily.FeatureScale, Initial = 1e-3 },
                ScheduleSpec.ConstantOf(BatchSize)),
        };

    [Theory]
    [MemberData(nameof(Runs))]
    public void EveryStepOfTheChartIsWhatTheOptimizerUsed(string run)
    {
        var (learningRate, weightDecay, batchSize) = Specs[run];
        var spec = Digits(learningRate, weightDecay, batchSize);
        var trainer = new Trainer(spec, TrainingDataLoader.Load(spec));
        var used = new List<AppliedStep>();
        trainer.StepObserver = used.Add;

        var result = trainer.Run();

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        AssertChartDraws(used, result.History, trainer.CheckpointBytes());
    }

    [Fact]
    public void APbtExploitDrawsTheDonorsStepsThenTheExploredOnes()
    {
        var donorSpec = Digits(new ScheduleSpec { Family = ScheduleFamily.Plateau, Initial = 0.2, Factor = 0.5, Patience = 0, Threshold = 0.05,
            Base = new() { Family = ScheduleFamily.Cosine, Initial = 0.2, Final = 0.01 } },
            new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 1e-3, Gamma = 0.5, StepSize = 40 },
            new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 32, Gamma = 2, StepSize = 2 }) with { Epochs = 2 };
        var data = TrainingDataLoader.Load(donorSpec);
        var used = new List<AppliedStep>();
        var donor = new Trainer(donorSpec, data) { StepObserver = used.Add };
        Assert.Equal(TrialOutcome.Completed, donor.Run().Outcome);

        // PBT's explore: the donor's schedules times 1.2 (learning rate), 0.8 (weight decay) and 1.2 (batch size), from
        // the donor's checkpoint on, with the donor's plateau state and history.
        var explored = donorSpec with
        {
            Epochs = Epochs,
            LearningRate = donorSpec.LearningRate with { Scale = 1.2 },
            WeightDecay = donorSpec.WeightDecay with { Scale = 0.8 },
            BatchSize = donorSpec.BatchSize with { Scale = 1.2 },
        };
        var checkpoint = donor.CheckpointBytes();
        var copier = Trainer.Restore(explored, data, CheckpointSerializer.Deserialize(checkpoint));
        copier.StepObserver = used.Add;
        var result = copier.Run();
        var unexplored = new List<AppliedStep>();
        // The same restart without the learning-rate factor (the batch factor changes the step horizon of the cosine).
        var donorGoingOn = Trainer.Restore(explored with { LearningRate = donorSpec.LearningRate }, data, CheckpointSerializer.Deserialize(checkpoint));
        donorGoingOn.StepObserver = unexplored.Add;
        donorGoingOn.Run();

        Assert.Equal(TrialOutcome.Completed, result.Outcome);
        var firstExplored = used[(int)donor.CompletedSteps];
        Assert.Equal(unexplored[0].LearningRate * 1.2, firstExplored.LearningRate); // the factor took effect ...
        AssertChartDraws(used, result.History, copier.CheckpointBytes()); // ... and the chart follows it step by step
    }

    private static void AssertChartDraws(IReadOnlyList<AppliedStep> used, IReadOnlyList<Core.EpochRecord> history, byte[] checkpoint)
    {
        Assert.Equal(Enumerable.Range(0, used.Count).Select(s => (long)s), used.Select(u => u.Step));
        var curve = new RankedTrial(1, 0, 0, 2, history[^1].ValMetric!.Value, [], history, AppliedStepsReader.FromCheckpoint(checkpoint));
        var chart = AppliedScheduleChart.Of(ReportFixtures.Realistic() with { TopCurves = [curve] });

        Assert.Equal(AppliedScheduleChart.Note, chart.Note);
        var panels = chart.Series.Skip(1).ToArray();
        Assert.All(panels, s => Assert.Equal(SeriesMark.StepLine, s.Mark));
        var x = EpochPositions(history);
        Assert.Equal(used.Count, x.Length);
        for (var s = 0; s < used.Count; s++)
        {
            Assert.Equal(used[s].LearningRate, ValueAt(panels[0], x[s]));
            Assert.Equal(used[s].WeightDecay, ValueAt(panels[1], x[s]));
            Assert.Equal(used[s].BatchSize, ValueAt(panels[2], x[s]));
        }
        Assert.All(panels, s => Assert.Equal(history.Count, s.Points[^1].X));
    }

    // Step s of epoch e (1-based), which runs n steps from step b, at e − 1 + (s − b)/n: the chart note's axis, worked out
    // here on its own.
    private static double[] EpochPositions(IReadOnlyList<Core.EpochRecord> history)
    {
        var x = new List<double>();
        long start = 0;
        foreach (var epoch in history)
        {
            for (var s = start; s < epoch.Step; s++) x.Add(epoch.Epoch - 1 + (double)(s - start) / (epoch.Step - start));
            start = epoch.Step;
        }
        return x.ToArray();
    }

    // A stepped line holds a point's value from its x until the next point's.
    private static double? ValueAt(ChartSeries series, double x) => series.Points.Last(p => p.X <= x).Y;

    private static TrialSpec Digits(ScheduleSpec learningRate, ScheduleSpec weightDecay, ScheduleSpec batchSize) => new()
    {
        Dataset = "digits",
        Validation = 0.2,
        Standardize = true,
        Model = new ModelSpec { Hidden = [16] },
        Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9 },
        LearningRate = learningRate,
        WeightDecay = weightDecay,
        BatchSize = batchSize,
        Epochs = Epochs,
        Seed = 2,
    };
}
