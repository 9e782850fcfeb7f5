// `mo-replay` mode: multi-objective successive halving measured on the schedule table. Per run, N random trials
// (configuration and table seed); full training's Pareto front of (final accuracy up, planned steps down) among them
// against what each successive-halving variant keeps: front-peeling promotion on (accuracy at the rung, planned
// steps) and the accuracy-only baseline, side by side on the same trials. Prints one row per dataset and variant (mean
// over runs) and the Pareto / accuracy-only ratios. It does not run Optuna (its pruners are single-objective).
using System.Globalization;
using SweepCluster.Tabular.MultiObjective;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Bench.Tabular;

public static class MoReplayBenchmark
{
    private const int DefaultRuns = 20;
    private const int DefaultTrials = 100;
    private const string DefaultDataset = "digits";

    /// <summary>The rung sets and η measured, each with both rules: the brief's (1, 3, 9; η 3) first.</summary>
    private static readonly (int[] Rungs, int Eta)[] Shapes = [([1, 3, 9], 3), ([1, 3, 9], 2), ([3, 9], 3), ([3, 9], 2), ([9], 4), ([9], 3)];

    public static int Run(string[] args)
    {
        var tablePath = ClusterBench.StringOption(args, "--table", Path.Combine(TableBenchmark.DefaultDirectory(), TableBenchmark.TableName));
        var runs = ClusterBench.IntOption(args, "--runs", DefaultRuns);
        var trials = ClusterBench.IntOption(args, "--trials", DefaultTrials);
        var datasets = ClusterBench.StringOption(args, "--datasets", DefaultDataset).Split(',', StringSplitOptions.RemoveEmptyEntries);
        var table = TabularTable.Load(tablePath);
        var variants = Shapes.SelectMany(s => new[] { RungRule.Pareto, RungRule.AccuracyOnly }.Select(rule => new HalvingSettings(s.Rungs, s.Eta, rule))).ToArray();

        Console.WriteLine($"mo-replay: {runs} runs × {trials} random trials (run r draws from seed r); objectives final accuracy (max), planned steps (min)");
        Console.WriteLine($"{"dataset",-14} {"variant",-26} {"front pts",9} {"recall",7} {"pooled",7} {"whole",6} {"hv ratio",9} {"epochs",7} {"finished",8}");
        foreach (var dataset in datasets)
        {
            var data = table.Dataset(dataset);
            var results = Enumerable.Range(0, runs).Select(run => ParetoHalvingReplay.Run(data, trials, run, variants)).ToArray();
            var rows = variants.Select((v, i) => Summary.Of(v, results.Select(r => r[i]).ToArray())).ToArray();
            foreach (var row in rows) Console.WriteLine($"{dataset,-14} {row.Variant,-26} {row.FrontPoints,9:F2} {row.Recall,7:P1} {row.PooledRecall,7:P1} {row.Whole,6} {row.HypervolumeRatio,9:F4} {row.EpochFraction,7:P1} {row.Finished,8:F1}");
            Console.WriteLine();
            Console.WriteLine($"{dataset}: Pareto / accuracy-only on the same trials");
            for (var i = 0; i < rows.Length; i += 2)
                Console.WriteLine($"  rungs {string.Join(",", rows[i].Variant.Rungs)} η {rows[i].Variant.Eta}: recall ×{Ratio(rows[i].Recall, rows[i + 1].Recall)}, " +
                    $"hypervolume ×{Ratio(rows[i].HypervolumeRatio, rows[i + 1].HypervolumeRatio)}, epochs ×{Ratio(rows[i].EpochFraction, rows[i + 1].EpochFraction)}");
        }
        return 0;
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
