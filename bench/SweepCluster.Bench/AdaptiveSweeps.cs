// The sweeps the `adaptive` benchmark runs: one search space of learning-rate, weight-decay and batch-size schedules
// on fashion-mnist (784-256-128-10), submitted to an embedded silo under a given trial scheduler, timed to the end;
// and the test accuracy of a trial, from its replay spec trained again by the engine directly.
using System.Diagnostics;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Training;
using SweepCluster.Hosting;
using SweepCluster.Specs;

namespace SweepCluster.Bench;

/// <summary>One finished sweep: its best completed trial, the epochs it trained in all, how many trials were pruned.</summary>
public sealed record AdaptiveSweepRun(string Name, ISweepCoordinatorGrain Coordinator, int BestTrial, double BestMetric, long Epochs, int Pruned,
    int Exploits, double Seconds);

public static class AdaptiveSweeps
{
    /// <summary>The searched space; trial i is the same draw under every scheduler (draws depend on seed and index only).</summary>
    public static string Space(string name, int seed, int trials, int epochs, string scheduler) => $$"""
        name: {{name}}
        dataset: fashion-mnist
        validation: 0.2
        model: { hidden: [256, 128] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: {{trials}}, seed: {{seed}} }
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

    public static async Task<AdaptiveSweepRun> RunAsync(EmbeddedCluster cluster, string name, string yaml)
    {
        var timed = await ClusterBench.RunSweepAsync(cluster.Grains, new SweepSubmission(yaml, $"{name}.yaml", null, IsJson: false, AllowLarge: false), name);
        // One seed per combination here, so a ranking row is one trial and its combination number is the trial's index.
        var best = timed.Report.Ranking.Where(r => r.Metric is not null).MaxBy(r => r.Metric!.Mean)
            ?? throw new InvalidOperationException($"{name}: no trial completed");
        return new AdaptiveSweepRun(name, cluster.Grains.GetGrain<ISweepCoordinatorGrain>(timed.SweepId), best.Combination, best.Metric!.Mean,
            timed.Progress.EpochsDone, timed.Progress.Count(TrialStatus.Pruned), timed.Report.Exploits?.Count ?? 0, timed.Seconds);
    }

    /// <summary>
    /// The trial's replay spec trains the same network bit for bit; the test split is standardised with the training
    /// rows' statistics, as training was.
    /// </summary>
    public static async Task<(double Accuracy, double Seconds)> TestAccuracyAsync(AdaptiveSweepRun run)
    {
        var timer = Stopwatch.StartNew();
        var yaml = await run.Coordinator.GetReplayAsync(run.BestTrial) ?? throw new InvalidOperationException("no replay");
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
}
