// `overhead` mode: the per-trial overhead of 1,000 one-epoch iris trials (bench/specs/iris-overhead.yaml: 4-16-3 tanh,
// plain SGD, lr loguniform [1e-3, 1), batch 16, 10 steps per trial) on an embedded silo, side by side with Optuna's
// iris_overhead.py in the same run. SweepCluster runs once per store (--store memory|sqlite|both, default both; the
// SQLite file in a fresh temporary folder, deleted after), Optuna once per storage (in-memory, then a fresh SQLite
// file). Each SweepCluster sweep follows untimed warm-ups of the same sweep on the same silo (--warmups N, default 2:
// a fresh process is still compiling its hot paths through the first sweeps; each warm-up's time is printed, so the
// cold figure stays visible) and is timed from
// SubmitAsync until the report is in hand and the store's writer has written every queued row.
// Overhead per trial = (sweep wall × slots − Σ training seconds) / trials. SweepCluster's training seconds are the
// engine alone (the same specs trained directly in this process, one thread, best of 3, measured again every round);
// Optuna's are the time inside its objective minus the suggest_float call (iris_overhead.py's
// overhead_with_suggest: every storage call Optuna makes for a trial counts, suggest's included).
// --runs N repeats the round N times (the rows alternate) and prints min / median / max per row.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Hosting.Storage;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class OverheadBenchmark
{
    private const string Spec = "iris-overhead.yaml";
    private const string OursMemory = "SweepCluster, memory store";
    private const string OursSqlite = "SweepCluster, SQLite file store";
    private const string OptunaMemory = "Optuna 3.1, in-memory storage";
    private const string OptunaSqlite = "Optuna 3.1, SQLite storage";

    /// <summary>One timed sweep: its throughput and what it added per trial beyond training.</summary>
    private sealed record Measurement(double TrialsPerSecond, double OverheadMs);

    public static int Run(string[] args)
    {
        PrintHeader("overhead", string.Join(' ', args));
        if (Flag(args, "--costs"))
        {
            foreach (var file in new[] { Spec, "digits-optuna-grid.yaml" }) CostBreakdown.Print(SpecPath(file));
            return 0;
        }
        var stores = Option(args, "--store", "both") switch
        {
            "memory" => new[] { "memory" },
            "sqlite" => new[] { "sqlite" },
            "both" => new[] { "memory", "sqlite" },
            var other => throw new ArgumentException($"--store {other}: expected memory, sqlite or both"),
        };
        var slots = IntOption(args, "--slots", 1);
        var runs = IntOption(args, "--runs", 1);
        var warmups = IntOption(args, "--warmups", 2);
        var spec = SpecPath(Spec);
        var (_, sweepSpec) = ReadSpec(spec);
        var trials = SearcherFactory.Create(sweepSpec).TotalTrials;
        Console.WriteLine($"workload: {Path.GetRelativePath(TorchProcess.RepositoryRoot(), spec)} — {trials:N0} trials, iris 4-16-3 tanh, SGD, 1 epoch of batch 16 (10 steps); {slots} slot(s)");

        var rows = new Dictionary<string, Measurement?[]>();
        void Record(string row, int run, Measurement? measurement) =>
            (rows.TryGetValue(row, out var values) ? values : rows[row] = new Measurement?[runs])[run] = measurement;
        for (var run = 0; run < runs; run++)
        {
            var engine = EngineSeconds(sweepSpec, spec);
            Console.WriteLine($"round {run + 1} of {runs}: engine alone {F(engine * 1000 / trials, "0.000")} ms per trial (one thread, no Orleans); load {Load()}");
            foreach (var store in stores)
                Record(store == "memory" ? OursMemory : OursSqlite, run, TimeSweepCluster(spec, store, slots, trials, engine, warmups));
            if (Flag(args, "--no-optuna")) continue;
            Record(OptunaMemory, run, TimeOptuna(trials, sqlite: false));
            Record(OptunaSqlite, run, TimeOptuna(trials, sqlite: true));
        }

        Console.WriteLine();
        Console.WriteLine($"{$"{trials:N0} one-epoch iris trials, {runs} run(s)",-34} {"trials/s min / median / max",30} {"overhead ms/trial min / median / max",38}");
        foreach (var (row, values) in rows)
        {
            var measured = values.OfType<Measurement>().ToArray();
            if (measured.Length == 0) Console.WriteLine($"{row,-34} {"not run",30}");
            else Console.WriteLine($"{row,-34} {Spread(measured.Select(m => m.TrialsPerSecond), "0"),30} {Spread(measured.Select(m => m.OverheadMs), "0.000"),38}");
        }
        PrintRatio(rows, OursSqlite, OptunaSqlite, "target: well under 1");
        PrintRatio(rows, OursSqlite, OptunaMemory, "target: at most 2");
        Console.WriteLine("  overhead = (sweep wall × slots − Σ training s) / trials; SweepCluster's training = the engine alone on the same specs,");
        Console.WriteLine("  Optuna's = its objective minus suggest_float (so every storage call of a trial counts as overhead on both sides).");
        Console.WriteLine($"load average at end: {Load()}");
        return 0;
    }

    /// <summary>One warmed-up sweep on a fresh embedded silo with the given store, timed until its rows are written.</summary>
    private static Measurement TimeSweepCluster(string spec, string store, int slots, int trials, double engineSeconds, int warmups)
    {
        var folder = store == "sqlite" ? Directory.CreateTempSubdirectory("sweepcluster-overhead-").FullName : null;
        try
        {
            using var scope = new ClusterScope(slots, folder is null ? StoreSelection.MemoryValue : Path.Combine(folder, "sweeps.db"));
            var cluster = scope.Cluster;
            var warm = new List<double>();
            for (var i = 0; i < warmups; i++)
            {
                warm.Add(RunSweepAsync(cluster, spec, $"bench-overhead-warmup-{i + 1}").GetAwaiter().GetResult().Seconds);
                cluster.FlushStoreAsync().GetAwaiter().GetResult();
            }
            var load = Load();
            var timed = RunSweepAsync(cluster, spec, "bench-overhead").GetAwaiter().GetResult();
            var flush = Stopwatch.StartNew();
            cluster.FlushStoreAsync().GetAwaiter().GetResult();
            var seconds = timed.Seconds + flush.Elapsed.TotalSeconds;
            var done = timed.Progress.Count(TrialStatus.Completed);
            if (done != trials) throw new InvalidOperationException($"{done} of {trials} trials completed");
            Console.WriteLine($"  SweepCluster, {store} store: warm-up {string.Join(" + ", warm.Select(w => F(w, "0.000")))} s (not counted), timed {F(seconds, "0.000")} s " +
                $"(report {F(timed.ReportSeconds * 1000, "0.0")} ms, last rows written {F(flush.Elapsed.TotalMilliseconds, "0.0")} ms), load {load} → {Load()}");
            return new Measurement(trials / seconds, (seconds * slots - engineSeconds) * 1000 / trials);
        }
        finally
        {
            if (folder is not null) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>iris_overhead.py with in-memory storage or a fresh SQLite file (deleted after); null when it cannot run.</summary>
    private static Measurement? TimeOptuna(int trials, bool sqlite)
    {
        var folder = sqlite ? Directory.CreateTempSubdirectory("optuna-overhead-").FullName : null;
        try
        {
            var arguments = new List<string> { "--trials", trials.ToString(CultureInfo.InvariantCulture), "--n-jobs", "1" };
            if (folder is not null) arguments.AddRange(["--storage", $"sqlite:///{Path.Combine(folder, "optuna.db")}"]);
            var load = Load();
            var (result, note, _) = RunOptuna("iris_overhead.py", [.. arguments]);
            if (result is not { } r)
            {
                Console.WriteLine($"  {note}");
                return null;
            }
            var overhead = r.GetProperty("overhead_with_suggest_ms_per_trial").GetDouble();
            Console.WriteLine($"  Optuna, {(sqlite ? "SQLite" : "in-memory")} storage: study.optimize {F(r.GetProperty("sweep_seconds").GetDouble(), "0.000")} s, " +
                $"objective {F(r.GetProperty("objective_ms_per_trial").GetDouble(), "0.000")} ms/trial (suggest {F(r.GetProperty("suggest_ms_per_trial").GetDouble(), "0.000")}), " +
                $"overhead {F(overhead, "0.000")} ms/trial ({F(r.GetProperty("overhead_ms_per_trial").GetDouble(), "0.000")} without suggest), load {load} → {Load()}");
            return new Measurement(r.GetProperty("trials_per_second").GetDouble(), overhead);
        }
        finally
        {
            if (folder is not null) Directory.Delete(folder, recursive: true);
        }
    }

    // The ratio of two rows' overheads, paired within each run, with min / median / max over the runs.
    private static void PrintRatio(Dictionary<string, Measurement?[]> rows, string over, string under, string target)
    {
        if (!rows.TryGetValue(over, out var a) || !rows.TryGetValue(under, out var b)) return;
        var ratios = a.Zip(b, (x, y) => x is null || y is null ? (double?)null : x.OverheadMs / y.OverheadMs).OfType<double>().ToArray();
        if (ratios.Length == 0) return;
        Console.WriteLine($"overhead {over} ÷ {under}: {Spread(ratios, "0.00")} (per run, min / median / max; {target})");
    }

    private static string Spread(IEnumerable<double> values, string format)
    {
        var sorted = values.Order().ToArray();
        return $"{F(sorted[0], format)} / {F(Median(sorted), format)} / {F(sorted[^1], format)}";
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>Seconds the engine alone needs for every trial of the sweep, trained one after another on this thread (best of 3).</summary>
    public static double EngineSeconds(SweepSpec sweepSpec, string specFile) => EngineSeconds(sweepSpec, specFile, threads: 1);

    /// <summary>
    /// The sweep's trial specs trained directly by the engine on <paramref name="threads"/> threads, each taking the
    /// next spec as it finishes one (no Orleans, no storage): the machine's own limit for the workload; best of 3.
    /// </summary>
    public static double EngineSeconds(SweepSpec sweepSpec, string specFile, int threads)
    {
        var searcher = SearcherFactory.Create(sweepSpec);
        var specs = Enumerable.Range(0, searcher.TotalTrials).Select(i => searcher.Suggest(i).Spec).ToArray();
        var baseDirectory = Path.GetDirectoryName(specFile);
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var timer = Stopwatch.StartNew();
            Parallel.ForEach(Partitioner.Create(specs, EnumerablePartitionerOptions.NoBuffering), new ParallelOptions { MaxDegreeOfParallelism = threads }, spec =>
            {
                var result = new Trainer(spec, TrainingDataLoader.Load(spec, baseDirectory)).Run();
                if (result.Outcome == TrialOutcome.Cancelled) throw new InvalidOperationException("cancelled");
            });
            best = Math.Min(best, timer.Elapsed.TotalSeconds);
        }
        return best;
    }
}
