// `mo-replay` mode: multi-objective successive halving measured on the schedule table. Per run, N random trials
// (configuration and table seed); full training's Pareto front of (final accuracy up, planned steps down) among them
// against what each successive-halving variant keeps: front-peeling promotion on (accuracy at the rung, planned
// steps), the accuracy-only baseline, and at the brief's four shapes front keeping (every trial not ε-dominated is
// promoted; ε = 0 and each of --epsilons) and front keeping on the best accuracy so far, side by side on the same
// trials. Prints one row per dataset and variant (mean over runs) and each variant's ratios to accuracy-only at its
// shape. It does not run Optuna (its pruners are single-objective).
using System.Globalization;
using SweepCluster.Tabular.MultiObjective;
using SweepCluster.Tabular.Table;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Bench.Tabular;

public static class MoReplayBenchmark
{
    private const int DefaultRuns = 20;
    private const int DefaultTrials = 100;
    private const string DefaultDataset = "digits";

    private const string DefaultEpsilons = "0.1,0.3,0.5";

    /// <summary>The rung sets and η measured, each with both rules: the brief's (1, 3, 9; η 3) first.</summary>
    private static readonly (int[] Rungs, int Eta)[] Shapes = [([1, 3, 9], 3), ([1, 3, 9], 2), ([3, 9], 3), ([3, 9], 2), ([9], 4), ([9], 3)];

    /// <summary>How many of <see cref="Shapes"/>, from the first, also get the front-keeping variants.</summary>
    private const int FrontKeepingShapes = 4;

    public static int Run(string[] args)
    {
        var tablePath = ClusterBench.StringOption(args, "--table", Path.Combine(TableBenchmark.DefaultDirectory(), TableBenchmark.TableName));
        var runs = ClusterBench.IntOption(args, "--runs", DefaultRuns);
        var trials = ClusterBench.IntOption(args, "--trials", DefaultTrials);
        var datasets = ClusterBench.StringOption(args, "--datasets", DefaultDataset).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var table = TabularTable.Load(tablePath);
        var epsilons = ClusterBench.StringOption(args, "--epsilons", DefaultEpsilons).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => double.Parse(e, CultureInfo.InvariantCulture)).ToArray();
        var variants = Shapes.SelectMany((s, i) => Variants(s.Rungs, s.Eta, frontKeeping: i < FrontKeepingShapes, epsilons)).ToArray();

        Console.WriteLine($"mo-replay: {runs} runs × {trials} random trials (run r draws from seed r); objectives final accuracy (max), planned steps (min)");
        Console.WriteLine($"{"dataset",-14} {"variant",-34} {"front pts",9} {"recall",7} {"pooled",7} {"whole",6} {"hv ratio",9} {"epochs",7} {"finished",8}");
        foreach (var dataset in datasets)
        {
            var data = table.Dataset(dataset);
            var results = Enumerable.Range(0, runs).Select(run => ParetoHalvingReplay.Run(data, trials, run, variants)).ToArray();
            var rows = variants.Select((v, i) => Summary.Of(v, results.Select(r => r[i]).ToArray())).ToArray();
            foreach (var row in rows) Console.WriteLine($"{dataset,-14} {row.Variant,-34} {row.FrontPoints,9:F2} {row.Recall,7:P1} {row.PooledRecall,7:P1} {row.Whole,6} {row.HypervolumeRatio,9:F4} {row.EpochFraction,7:P1} {row.Finished,8:F1}");
            Console.WriteLine();
            Console.WriteLine($"{dataset}: each Pareto variant / accuracy-only at its shape, on the same trials");
            foreach (var row in rows.Where(r => r.Variant.Rule == RungRule.Pareto))
            {
                var baseline = rows.Single(r => r.Variant.Rule == RungRule.AccuracyOnly && r.Variant.Eta == row.Variant.Eta && r.Variant.Rungs.SequenceEqual(row.Variant.Rungs));
                Console.WriteLine($"  {row.Variant}: recall ×{Ratio(row.Recall, baseline.Recall)}, " +
                    $"hypervolume ×{Ratio(row.HypervolumeRatio, baseline.HypervolumeRatio)}, epochs ×{Ratio(row.EpochFraction, baseline.EpochFraction)}");
            }
            Console.WriteLine();
        }
        return 0;
    }

    /// <summary>Front peeling and accuracy-only at one shape; with <paramref name="frontKeeping"/>, front keeping at ε = 0 and each of
    /// <paramref name="epsilons"/>, and at ε = 0 on the best accuracy so far.</summary>
    private static IEnumerable<HalvingSettings> Variants(int[] rungs, int eta, bool frontKeeping, double[] epsilons)
    {
        var pareto = new HalvingSettings(rungs, eta, RungRule.Pareto);
        yield return pareto;
        yield return new HalvingSettings(rungs, eta, RungRule.AccuracyOnly);
        if (!frontKeeping) yield break;
        var keeping = pareto with { Promotion = ParetoPromotionRule.FrontKeeping };
        yield return keeping;
        foreach (var epsilon in epsilons) yield return keeping with { Epsilon = epsilon };
        yield return keeping with { Accuracy = RungAccuracy.BestSoFar };
    }

    private static string Ratio(double ours, double baseline) => baseline > 0 ? (ours / baseline).ToString("F2", CultureInfo.InvariantCulture) : "-";

    /// <summary>One variant over the runs: means of the per-run figures, the pooled recall and how many runs kept the whole front.</summary>
    private sealed record Summary(HalvingSettings Variant, double FrontPoints, double Recall, double PooledRecall, string Whole, double HypervolumeRatio, double EpochFraction, double Finished)
    {
        public static Summary Of(HalvingSettings variant, HalvingResult[] runs) => new(variant,
            runs.Average(r => r.Front.FrontPoints), runs.Average(r => r.Front.Recall),
            (double)runs.Sum(r => r.Front.Kept) / runs.Sum(r => r.Front.FrontPoints),
            $"{runs.Count(r => r.Front.Kept == r.Front.FrontPoints)}/{runs.Length}",
            runs.Average(r => r.Front.HypervolumeRatio), runs.Average(r => r.EpochFraction), runs.Average(r => r.Finished));
    }
}
