// `replay` mode: SweepCluster's searchers and Optuna's replayed against the schedule table, side by side. Our side runs
// random search, the grid, random search + successive halving, random search + Hyperband, our TPE (univariate and
// multivariate) and BOHB (our TPE + our Hyperband; TPE pooled over all results as Optuna's, or fitted at one budget as
// Falkner et al.'s) in simulated time; the Optuna side (OptunaReplay) runs the counterparts it has. Both print one JSON
// line of mean regrets; this prints both lines, the ratio table and how many epochs each BOHB needs to reach TPE's
// regret after 100 trials. --out writes both lines with their dense regret curves to a file for
// bench/figures/plot_replay.py.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweepCluster.Tabular.Replay;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Bench.Tabular;

public static class ReplayBenchmark
{
    private const int DefaultRuns = 20;

    /// <summary>The output's JSON names (snake case, as the Python side writes them).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record BenchmarkLine(string Table, int Runs, long EpochBudget, int Workers, IReadOnlyList<RegretSummary> Results);

    private sealed record Sides(BenchmarkLine Ours, BenchmarkLine? Optuna);

    public static int Run(string[] args)
    {
        var tablePath = ClusterBench.StringOption(args, "--table", Path.Combine(TableBenchmark.DefaultDirectory(), TableBenchmark.TableName));
        var runs = ClusterBench.IntOption(args, "--runs", DefaultRuns);
        var budget = ClusterBench.IntOption(args, "--epoch-budget", (int)RegretSummary.EpochMarks[^1]);
        var workers = ClusterBench.IntOption(args, "--workers", 1);
        var noOptuna = Array.IndexOf(args, "--no-optuna") >= 0;
        var optunaJson = ClusterBench.StringOption(args, "--optuna-json", "");
        var outPath = ClusterBench.StringOption(args, "--out", "");
        var table = TabularTable.Load(tablePath);
        var datasets = ClusterBench.StringOption(args, "--datasets", string.Join(",", table.Metadata.Datasets.Select(d => d.Name)))
            .Split(',', StringSplitOptions.RemoveEmptyEntries);

        var ours = new List<RegretSummary>();
        var results = new Dictionary<(string Dataset, ReplayMethod Method), ReplayResult[]>();
        foreach (var dataset in datasets)
            foreach (var method in Enum.GetValues<ReplayMethod>())
            {
                var timer = Stopwatch.StartNew();
                var replays = Replay(table.Dataset(dataset), method, runs, new ReplayOptions(workers, budget, Seed: 0));
                results[(dataset, method)] = replays;
                ours.Add(RegretSummary.Of(ReplayMethods.Label(method), dataset, replays, budget, timer.Elapsed.TotalSeconds));
            }
        var ourLine = new BenchmarkLine(Path.GetFileName(tablePath), runs, budget, workers, ours);
        Console.WriteLine(JsonSerializer.Serialize(WithoutCurves(ourLine), Json));

        BenchmarkLine? optunaLine = null;
        if (!noOptuna)
        {
            var theirs = optunaJson.Length > 0 ? OptunaReplay.Read(optunaJson, datasets, runs, budget) : OptunaReplay.Run(tablePath, datasets, runs, budget);
            if (theirs is null) return 1;
            optunaLine = new BenchmarkLine(Path.GetFileName(tablePath), runs, budget, Workers: 1, theirs);
            Console.WriteLine(JsonSerializer.Serialize(WithoutCurves(optunaLine), Json));
            RatioTable.Print(ours, theirs, budget);
        }
        PrintBohbAgainstTpe(datasets, results, budget);
        if (outPath.Length > 0) File.WriteAllText(outPath, JsonSerializer.Serialize(new Sides(ourLine, optunaLine), Json) + "\n");
        return 0;
    }

    // The terminal gets the marks only; the dense curves (a hundred numbers each) go to --out.
    private static BenchmarkLine WithoutCurves(BenchmarkLine line) => line with { Results = line.Results.Select(r => r.WithoutCurves()).ToArray() };

    // Replay r seeds its searcher with r and its trials' table seeds with r.
    private static ReplayResult[] Replay(DatasetTable table, ReplayMethod method, int runs, ReplayOptions options) =>
        Enumerable.Range(0, runs).Select(run =>
        {
            var (searcher, scheduler) = ReplayMethods.Create(method, run, table.Metadata.Epochs);
            return TableReplay.Run(table, searcher, scheduler, options with { Seed = run });
        }).ToArray();

    /// <summary>The BOHB variants target (b) is read for.</summary>
    private static readonly ReplayMethod[] BohbMethods =
        [ReplayMethod.Bohb, ReplayMethod.BohbBudget, ReplayMethod.BohbBudgetMin10, ReplayMethod.BohbBudgetRandomFraction];

    // Target (b): the epochs at which each BOHB's mean regret first reaches TPE's mean regret after 100 trials, against
    // the epochs TPE spent on those 100 trials.
    private static void PrintBohbAgainstTpe(IReadOnlyList<string> datasets, Dictionary<(string, ReplayMethod), ReplayResult[]> results, long budget)
    {
        var trials = RegretSummary.TrialMarks[^1];
        Console.WriteLine();
        Console.WriteLine($"epochs for BOHB's mean regret to reach TPE's after {trials} trials (target: at most 1/3 of TPE's epochs)");
        Console.WriteLine($"{"dataset",-14} {"method",-16} {"tpe regret",10} {"tpe epochs",10} {"bohb epochs",11} {"fraction",8}");
        foreach (var dataset in datasets)
        {
            var tpe = results[(dataset, ReplayMethod.Tpe)];
            var target = tpe.Average(r => r.RegretAfterTrials(trials));
            var tpeEpochs = EpochsToRegret.MeanEpochsAtTrials(tpe, trials);
            foreach (var method in BohbMethods)
            {
                var bohbEpochs = EpochsToRegret.First(results[(dataset, method)], target, budget);
                var fraction = bohbEpochs is { } e ? (e / tpeEpochs).ToString("0.00", CultureInfo.InvariantCulture) : "-";
                var reached = bohbEpochs is { } b ? b.ToString(CultureInfo.InvariantCulture) : $">{budget}";
                Console.WriteLine($"{dataset,-14} {ReplayMethods.Label(method),-16} {target,10:0.0000} {tpeEpochs,10:0} {reached,11} {fraction,8}");
            }
        }
    }
}
