// `replay` mode: SweepCluster's searchers and Optuna's replayed against the schedule table in one run, side by side.
// Our side runs random search, the grid and random search + successive halving in simulated time; the Optuna side
// (bench/optuna/table_replay.py) runs RandomSampler, RandomSampler + SuccessiveHalvingPruner, TPESampler and
// TPESampler + HyperbandPruner. Both print one JSON line of mean regrets (the Optuna line gathered from one process
// per dataset and method); this prints both lines and a ratio table.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SweepCluster.Tabular.Replay;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Bench.Tabular;

public static class ReplayBenchmark
{
    private const int DefaultRuns = 20;
    private const string OptunaScript = "table_replay.py";

    /// <summary>The Optuna methods, by the names both sides print.</summary>
    private static readonly string[] OptunaMethods = ["random", "random+sh", "tpe", "tpe+hyperband"];

    /// <summary>The output's JSON names (snake case, as the Python side writes them).</summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record BenchmarkLine(string Table, int Runs, long EpochBudget, int Workers, IReadOnlyList<RegretSummary> Results);

    public static int Run(string[] args)
    {
        var tablePath = ClusterBench.StringOption(args, "--table", Path.Combine(TableBenchmark.DefaultDirectory(), TableBenchmark.TableName));
        var runs = ClusterBench.IntOption(args, "--runs", DefaultRuns);
        var budget = ClusterBench.IntOption(args, "--epoch-budget", (int)RegretSummary.EpochMarks[^1]);
        var workers = ClusterBench.IntOption(args, "--workers", 1);
        var noOptuna = Array.IndexOf(args, "--no-optuna") >= 0;
        var table = TabularTable.Load(tablePath);
        var datasets = ClusterBench.StringOption(args, "--datasets", string.Join(",", table.Metadata.Datasets.Select(d => d.Name)))
            .Split(',', StringSplitOptions.RemoveEmptyEntries);

        var ours = new List<RegretSummary>();
        foreach (var dataset in datasets)
            foreach (var method in Enum.GetValues<ReplayMethod>())
                ours.Add(Replay(table.Dataset(dataset), method, runs, new ReplayOptions(workers, budget, Seed: 0)));
        Console.WriteLine(JsonSerializer.Serialize(new BenchmarkLine(Path.GetFileName(tablePath), runs, budget, workers, ours), Json));
        if (noOptuna) return 0;

        // One subprocess per dataset and method keeps each under the subprocess timeout (Optuna's pruners slow down as
        // trials accumulate).
        var theirs = new List<RegretSummary>();
        var wall = 0.0;
        foreach (var dataset in datasets)
            foreach (var method in OptunaMethods)
            {
                var (optuna, note, seconds) = ClusterBench.RunOptuna(OptunaScript, "--table", tablePath, "--runs", runs.ToString(CultureInfo.InvariantCulture),
                    "--epoch-budget", budget.ToString(CultureInfo.InvariantCulture), "--datasets", dataset, "--methods", method);
                if (optuna is not { } line)
                {
                    Console.WriteLine(note);
                    return 1;
                }
                theirs.AddRange(line.GetProperty("results").Deserialize<RegretSummary[]>()!);
                wall += seconds;
            }
        Console.WriteLine(JsonSerializer.Serialize(new BenchmarkLine(Path.GetFileName(tablePath), runs, budget, Workers: 1, theirs), Json));
        Console.WriteLine($"optuna side: {wall:0.0} s in {datasets.Length * OptunaMethods.Length} processes");
        RatioTable.Print(ours, theirs, budget);
        return 0;
    }

    // One method over `runs` replays: replay r seeds its searcher with r and its trials' table seeds with r.
    private static RegretSummary Replay(DatasetTable table, ReplayMethod method, int runs, ReplayOptions options)
    {
        var timer = Stopwatch.StartNew();
        var results = Enumerable.Range(0, runs).Select(run =>
        {
            var (searcher, scheduler) = ReplayMethods.Create(method, run);
            return TableReplay.Run(table, searcher, scheduler, options with { Seed = run });
        }).ToArray();
        return RegretSummary.Of(ReplayMethods.Label(method), table.Dataset, results, options.EpochBudget, timer.Elapsed.TotalSeconds);
    }
}
