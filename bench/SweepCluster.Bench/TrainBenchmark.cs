// `train` mode: training throughput of the engine and of PyTorch, single-threaded, side by side in one run.
//   (a) digits, 64-32-10 ReLU, batch 32, SGD momentum 0.9, lr 0.1, standardized inputs
//   (b) fashion-mnist, 784-256-128-10 ReLU, batch 128, SGD momentum 0.9, lr 0.01, pixels / 255
// Both sides train on all rows with shuffling and no validation pass, warm up first, then run for a time budget.
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Bench;

public static class TrainBenchmark
{
    private const double DefaultSeconds = 10;
    private const double WarmupSeconds = 1;

    private sealed record Workload(string Name, TrialSpec Spec, string[] TorchArguments);

    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 && double.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : DefaultSeconds;
        var root = TorchProcess.RepositoryRoot();
        var script = Path.Combine(root, "bench", "pytorch", "train_bench.py");
        var digitsCsv = Path.Combine(root, "engine", "Data", "BuiltIn", "digits.csv");
        Workload[] workloads =
        [
            new("digits 64-32-10, batch 32", Spec("digits", [32], 32, 0.1, standardize: true),
                ["--config", "digits", "--csv", digitsCsv]),
            new("fashion-mnist 784-256-128-10, batch 128", Spec("fashion-mnist", [256, 128], 128, 0.01, standardize: false),
                ["--config", "fashion"]),
        ];
        Console.WriteLine($"single thread, {seconds:0.#} s per side; samples/s of training (forward, backward, SGD step)");
        Console.WriteLine($"{"workload",-42} {"engine",12} {"pytorch",12} {"ratio",7}");
        foreach (var workload in workloads)
        {
            var ours = MeasureEngine(workload.Spec, seconds);
            var (torch, note) = TorchProcess.Run(script, workload.TorchArguments.Concat(["--seconds", seconds.ToString(CultureInfo.InvariantCulture)]));
            var theirs = torch?.GetProperty("samples_per_second").GetDouble();
            Console.WriteLine($"{workload.Name,-42} {ours,12:N0} {(theirs is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "-"),12} {(theirs is { } r ? (ours / r).ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-"),7}");
            if (note.Length > 0) Console.WriteLine($"  {note}");
        }
        return 0;
    }

    private static TrialSpec Spec(string dataset, int[] hidden, int batch, double learningRate, bool standardize) => new()
    {
        Dataset = dataset,
        Validation = 0,
        Standardize = standardize,
        Model = new ModelSpec { Hidden = hidden, Activation = ActivationKind.Relu, Init = InitScheme.He },
        Optimizer = new OptimizerSpec { Type = OptimizerKind.Sgd, Momentum = 0.9 },
        LearningRate = ScheduleSpec.ConstantOf(learningRate),
        WeightDecay = ScheduleSpec.ConstantOf(0),
        BatchSize = ScheduleSpec.ConstantOf(batch),
        Epochs = 1,
        Seed = 1,
        Shuffle = true,
    };

    // Training samples per second: a warm-up, then whole epochs until the budget is spent.
    private static double MeasureEngine(TrialSpec spec, double seconds)
    {
        var data = TrainingDataLoader.Load(spec);
        var rows = data.Train.Rows;
        var warmup = Stopwatch.StartNew();
        var warmupEpochs = 0;
        while (warmup.Elapsed.TotalSeconds < WarmupSeconds) { new Trainer(spec, data).Run(); warmupEpochs++; }
        var epochSeconds = warmup.Elapsed.TotalSeconds / warmupEpochs;
        var epochs = Math.Max(1, (int)(seconds / epochSeconds));
        var trainer = new Trainer(spec with { Epochs = epochs }, data);
        var timer = Stopwatch.StartNew();
        var result = trainer.Run();
        timer.Stop();
        if (result.Outcome != TrialOutcome.Completed) throw new InvalidOperationException($"benchmark run {result.Outcome}: {result.Message}");
        return (double)rows * epochs / timer.Elapsed.TotalSeconds;
    }
}
