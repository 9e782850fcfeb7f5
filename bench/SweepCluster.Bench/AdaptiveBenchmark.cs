// `adaptive`: ASHA and PBT against plain random search on fashion-mnist (784-256-128-10), on an embedded silo, for
// several search seeds (each seed is another draw of the same space: one draw alone lets a single trial decide).
// Per seed:
//   1. random search: N trials of the space, every trial to the end (FIFO);
//   2. the same N draws under ASHA (min_epochs M, η): best validation accuracy and total epochs, against (1);
//   3. the first P draws as fixed schedules (FIFO) against PBT with those P as its population, at equal total epochs;
// then the test accuracy of the best configuration of all runs: its replay spec (`schedule: recorded`) trained again
// by the engine directly (bit-identical to the trial) and evaluated on fashion-mnist-test.
// Options: --seeds 21,22,23 --trials N (27) --epochs E (15) --min-epochs M (1) --eta η (3) --population P (8)
// --interval I (5) --quantile Q (0.125) --slots S (processors).
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Hosting;

namespace SweepCluster.Bench;

public static class AdaptiveBenchmark
{
    private const int DefaultTrials = 27;
    private const int DefaultEpochs = 15;
    private const int DefaultPopulation = 8;
    private const int DefaultMinEpochs = 1;
    private const int DefaultEta = 3;

    // PBT's interval and quantile were chosen on search seeds 11–14 (bench/README.md has that table); the default
    // seeds below were not looked at before, so the figures they give are a fair test of that choice.
    private const int DefaultInterval = 5;
    private const double DefaultQuantile = 0.125;
    private static readonly int[] DefaultSeeds = [21, 22, 23];

    /// <summary>ASHA's target: its best within this many points (of accuracy, in %) of random search's best …</summary>
    private const double AshaToleranceInPoints = 0.5;

    /// <summary>… using at most this fraction of random search's epochs.</summary>
    private const double AshaEpochBudget = 1.0 / 3;

    private sealed record SeedResult(int Seed, AdaptiveSweepRun Random, AdaptiveSweepRun Asha, AdaptiveSweepRun Fixed, AdaptiveSweepRun Pbt)
    {
        public double AshaPoints => Points(Asha.BestMetric - Random.BestMetric);
        public double EpochRatio => (double)Asha.Epochs / Random.Epochs;
        public double PbtPoints => Points(Pbt.BestMetric - Fixed.BestMetric);
    }

    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var seeds = ClusterBench.IntListOption(args, "--seeds", DefaultSeeds);
        var trials = ClusterBench.IntOption(args, "--trials", DefaultTrials);
        var epochs = ClusterBench.IntOption(args, "--epochs", DefaultEpochs);
        var minEpochs = ClusterBench.IntOption(args, "--min-epochs", DefaultMinEpochs);
        var eta = ClusterBench.IntOption(args, "--eta", DefaultEta);
        var population = ClusterBench.IntOption(args, "--population", DefaultPopulation);
        var interval = ClusterBench.IntOption(args, "--interval", DefaultInterval);
        var quantile = ClusterBench.DoubleOption(args, "--quantile", DefaultQuantile);
        var slots = ClusterBench.IntOption(args, "--slots", Environment.ProcessorCount);
        ClusterBench.PrintHeader("adaptive", string.Join(' ', args));
        Console.WriteLine($"{trials} trials × {epochs} epochs per random search; ASHA min_epochs {minEpochs}, η {eta}; " +
            $"PBT population {population}, interval {interval}, quantile {F(quantile, "0.###")}; search seeds {string.Join(", ", seeds)}");
        var total = Stopwatch.StartNew();
        await using var cluster = await EmbeddedCluster.StartAsync(slots, CancellationToken.None);

        var results = new List<SeedResult>();
        foreach (var seed in seeds)
        {
            Task<AdaptiveSweepRun> Sweep(string kind, int count, string scheduler) =>
                AdaptiveSweeps.RunAsync(cluster, $"fm-{kind}-{seed}", AdaptiveSweeps.Space($"fm-{kind}-{seed}", seed, count, epochs, scheduler));
            var random = await Sweep("random", trials, "fifo");
            var asha = await Sweep("asha", trials, $"{{ type: asha, min_epochs: {minEpochs}, eta: {eta} }}");
            var fixedSchedules = await Sweep("fixed", population, "fifo");
            var pbt = await Sweep("pbt", population, $"{{ type: pbt, interval: {interval}, quantile: {F(quantile, "0.###")} }}");
            var result = new SeedResult(seed, random, asha, fixedSchedules, pbt);
            results.Add(result);
            Print(result);
        }

        Console.WriteLine();
        PrintTable(results);
        Console.WriteLine();
        var ashaWithin = results.Count(r => r.AshaPoints >= -AshaToleranceInPoints && r.EpochRatio <= AshaEpochBudget);
        Console.WriteLine($"ASHA vs random search: mean {F(results.Average(r => r.AshaPoints), "+0.00;-0.00")} points of best val accuracy, " +
            $"epochs ratio at most {F(results.Max(r => r.EpochRatio), "0.000")}; within {F(AshaToleranceInPoints, "0.0")} points at ≤ 1/3 of the epochs " +
            $"on {ashaWithin} of {results.Count} seeds");
        Console.WriteLine($"PBT (population {population}) vs the best of the same {population} fixed schedules at equal total epochs: " +
            $"mean {F(results.Average(r => r.PbtPoints), "+0.00;-0.00")} points; matches or beats on {results.Count(r => r.PbtPoints >= 0)} of {results.Count} seeds");

        var best = results.SelectMany(r => new[] { r.Random, r.Asha, r.Pbt }).MaxBy(r => r.BestMetric)!;
        var (testAccuracy, testSeconds) = await AdaptiveSweeps.TestAccuracyAsync(best);
        Console.WriteLine($"best configuration: {best.Name} trial {best.BestTrial} (val {F(best.BestMetric, "0.0000")}); " +
            $"test accuracy {F(testAccuracy, "0.0000")} on fashion-mnist-test (published MLP 256-128-100 baseline 0.883; target >= 0.89), " +
            $"replayed and evaluated in {F(testSeconds, "0.0")} s");
        Console.WriteLine($"total wall time {F(total.Elapsed.TotalSeconds, "0.0")} s on {Environment.ProcessorCount} processors, {slots} slots; load average now {ClusterBench.Load()}");
        return 0;
    }

    private static void Print(SeedResult r)
    {
        foreach (var run in new[] { r.Random, r.Asha, r.Fixed, r.Pbt })
        {
            Console.WriteLine($"{run.Name}: best val accuracy {F(run.BestMetric, "0.0000")} (trial {run.BestTrial}), {run.Epochs} epochs, " +
                $"{run.Pruned} pruned, {run.Exploits} exploits, {F(run.Seconds, "0.0")} s");
        }
    }

    private static void PrintTable(IReadOnlyList<SeedResult> results)
    {
        Console.WriteLine($"{"seed",5} {"random",8} {"ASHA",8} {"Δ pts",7} {"epochs",7} {"fixed",8} {"PBT",8} {"Δ pts",7} {"wall s",7}");
        foreach (var r in results)
        {
            var wall = r.Random.Seconds + r.Asha.Seconds + r.Fixed.Seconds + r.Pbt.Seconds;
            Console.WriteLine($"{r.Seed,5} {F(r.Random.BestMetric, "0.0000"),8} {F(r.Asha.BestMetric, "0.0000"),8} {F(r.AshaPoints, "+0.00;-0.00"),7} " +
                $"{F(r.EpochRatio, "0.000"),7} {F(r.Fixed.BestMetric, "0.0000"),8} {F(r.Pbt.BestMetric, "0.0000"),8} {F(r.PbtPoints, "+0.00;-0.00"),7} {F(wall, "0.0"),7}");
        }
    }

    private static double Points(double accuracyDifference) => 100 * accuracyDifference;

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
