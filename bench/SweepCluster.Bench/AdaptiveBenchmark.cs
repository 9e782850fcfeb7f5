// `adaptive`: ASHA and PBT against plain random search on fashion-mnist (784-256-128-10), on an embedded silo.
//   1. random search: N trials of the space below, every trial to the end (FIFO);
//   2. the same N trials under ASHA (min_epochs 1, η 3): best validation accuracy and total epochs, as ratios to 1;
//   3. PBT with a population of 8 (the same first 8 draws) against the best of those 8 fixed schedules, at equal
//      total epochs (8 × E each);
//   4. the best configuration's test accuracy: its replay spec (`schedule: recorded`) trained again by the engine
//      directly (bit-identical to the trial) and evaluated on fashion-mnist-test.
// Options: --trials N (16) --epochs E (9) --population P (8) --interval I (E/3) --min-epochs M (1, ASHA's first rung)
// --quantile-percent Q (25, PBT) --slots S (processors).
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Cli.Cluster;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Grains;
using SweepCluster.Sweeps;
using SweepCluster.Sweeps.Reports;

namespace SweepCluster.Bench;

public static class AdaptiveBenchmark
{
    private const int DefaultTrials = 16;
    private const int DefaultEpochs = 9;
    private const int DefaultPopulation = 8;
    private const int DefaultQuantilePercent = 25;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>The searched space: learning-rate, weight-decay and batch-size schedules.</summary>
    private static string Space(string name, int trials, int epochs, string scheduler) => $$"""
        name: {{name}}
        dataset: fashion-mnist
        validation: 0.2
        model: { hidden: [256, 128] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: {{trials}}, seed: 11 }
        learning_rate:
          - { schedule: constant, initial: { loguniform: [0.003, 0.2] } }
          - { schedule: cosine, initial: { loguniform: [0.003, 0.2] } }
          - { schedule: inverse_time, initial: { loguniform: [0.003, 0.2] }, alpha: 0.001, beta: 0.5 }
        weight_decay: [0, { loguniform: [0.000001, 0.001] }]
        batch_size: [32, 64, 128]
        epochs: {{epochs}}
        retries: 0
        scheduler: {{scheduler}}
        """;

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var trials = ClusterBench.IntOption(args, "--trials", DefaultTrials);
        var epochs = ClusterBench.IntOption(args, "--epochs", DefaultEpochs);
        var population = ClusterBench.IntOption(args, "--population", DefaultPopulation);
        var interval = ClusterBench.IntOption(args, "--interval", Math.Max(1, epochs / 3));
        var minEpochs = ClusterBench.IntOption(args, "--min-epochs", 1);
        var quantile = ClusterBench.IntOption(args, "--quantile-percent", DefaultQuantilePercent) / 100.0;
        var slots = ClusterBench.IntOption(args, "--slots", Environment.ProcessorCount);
        ClusterBench.PrintHeader("adaptive", string.Join(' ', args));
        var total = Stopwatch.StartNew();
        await using var cluster = await EmbeddedCluster.StartAsync(slots, CancellationToken.None);

        var random = await RunSweepAsync(cluster, Space("fm-random", trials, epochs, "fifo"));
        var asha = await RunSweepAsync(cluster, Space("fm-asha", trials, epochs, "{ type: asha, min_epochs: " + minEpochs + ", eta: 3 }"));
        var fixedSchedules = await RunSweepAsync(cluster, Space("fm-fixed", population, epochs, "fifo"));
        var pbt = await RunSweepAsync(cluster, Space("fm-pbt", population, epochs, $"{{ type: pbt, interval: {interval}, quantile: {F(quantile, "0.###")} }}"));

        Console.WriteLine();
        Console.WriteLine($"{"run",-28} {"best val acc",12} {"epochs",8} {"pruned",7} {"wall s",8}");
        foreach (var run in new[] { random, asha, fixedSchedules, pbt })
            Console.WriteLine($"{run.Name,-28} {F(run.Best.Metric, "0.0000"),12} {run.Epochs,8} {run.Pruned,7} {F(run.Seconds, "0.0"),8}");
        Console.WriteLine();
        Console.WriteLine($"ASHA vs random search: best val accuracy {F(100 * (asha.Best.Metric - random.Best.Metric), "+0.00;-0.00")} points, " +
            $"epochs ratio {F((double)asha.Epochs / random.Epochs, "0.000")} (target: within 0.5 points using at most 1/3)");
        Console.WriteLine($"PBT (population {population}) vs the best of the same {population} fixed schedules at equal total epochs: " +
            $"{F(100 * (pbt.Best.Metric - fixedSchedules.Best.Metric), "+0.00;-0.00")} points (epochs {pbt.Epochs} vs {fixedSchedules.Epochs}; target: >= 0)");

        var best = new[] { random, asha, pbt }.MaxBy(r => r.Best.Metric)!;
        var (testAccuracy, testSeconds) = await TestAccuracyAsync(cluster, best);
        Console.WriteLine($"best configuration: {best.Name} trial {best.Best.Index} (val {F(best.Best.Metric, "0.0000")}); " +
            $"test accuracy {F(testAccuracy, "0.0000")} on fashion-mnist-test (published MLP 256-128-100 baseline 0.883; target >= 0.89), " +
            $"replayed and evaluated in {F(testSeconds, "0.0")} s");
        Console.WriteLine($"total wall time {F(total.Elapsed.TotalSeconds, "0.0")} s on {Environment.ProcessorCount} processors, {slots} slots; load average now {ClusterBench.Load()}");
        return 0;
    }

    private sealed record BestTrial(int Index, double Metric);

    private sealed record SweepRun(string Name, string SweepId, ISweepCoordinatorGrain Coordinator, BestTrial Best, long Epochs, int Pruned, double Seconds);

    private static async Task<SweepRun> RunSweepAsync(EmbeddedCluster cluster, string yaml)
    {
        var name = yaml.Split('\n')[0]["name: ".Length..].Trim();
        var id = ClusterBench.NewId(name);
        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        var timer = Stopwatch.StartNew();
        var submitted = await coordinator.SubmitAsync(new SweepSubmission(yaml, $"{name}.yaml", null, IsJson: false, AllowLarge: false));
        if (submitted.Outcome != SubmitOutcome.Created) throw new InvalidOperationException($"{name}: {string.Join("; ", submitted.Errors)}");
        SweepProgress progress;
        while (true)
        {
            progress = await coordinator.GetProgressAsync() ?? throw new InvalidOperationException($"sweep {id} disappeared");
            if (progress.Status.IsTerminal()) break;
            await Task.Delay(PollInterval);
        }
        timer.Stop();
        var report = SweepReportJson.Deserialize((await coordinator.GetReportJsonAsync())!);
        // The best final validation accuracy of any completed trial (the ranking aggregates over seeds; here one seed).
        var best = report.Ranking.Where(r => r.Metric is not null).Select(r => (r.Combination, r.Metric!.Mean)).MaxBy(r => r.Mean);
        Console.WriteLine($"{name}: {progress.Count(TrialStatus.Completed)} completed, {progress.Count(TrialStatus.Pruned)} pruned, " +
            $"{progress.EpochsDone} epochs, best val accuracy {F(best.Mean, "0.0000")} (trial {best.Combination}), {F(timer.Elapsed.TotalSeconds, "0.0")} s");
        return new SweepRun(name, id, coordinator, new BestTrial(best.Combination, best.Mean), progress.EpochsDone, progress.Count(TrialStatus.Pruned), timer.Elapsed.TotalSeconds);
    }

    // The trial's replay spec trains the same network bit for bit; the test split is standardised with the training
    // rows' statistics, as training was.
    private static async Task<(double Accuracy, double Seconds)> TestAccuracyAsync(EmbeddedCluster cluster, SweepRun run)
    {
        var timer = Stopwatch.StartNew();
        var yaml = await run.Coordinator.GetReplayAsync(run.Best.Index) ?? throw new InvalidOperationException("no replay");
        var spec = TrialSpecLoader.Parse(yaml, SpecFormat.Yaml).Spec;
        var trainer = new Trainer(spec, TrainingDataLoader.Load(spec));
        trainer.Run();
        var raw = DatasetCatalog.Load(spec.Dataset, new DatasetRequest(spec.Task, spec.Targets, spec.DataSeed, null));
        var (train, _) = DataSplit.Split(raw, spec.Validation, spec.DataSeed);
        var test = DatasetCatalog.Load(FashionMnist.Test.Name, new DatasetRequest(spec.Task, spec.Targets, spec.DataSeed, null));
        if (spec.Standardize) test = Standardizer.Fit(train).Apply(test);
        var result = Evaluation.Evaluate(trainer.Network, Loss.For(LossKind.CrossEntropy), test);
        return (result.Metric, timer.Elapsed.TotalSeconds);
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
