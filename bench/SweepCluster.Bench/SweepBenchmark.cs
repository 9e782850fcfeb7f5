// `sweep` mode: the 48-trial digits grid of bench/optuna/digits_grid.py (bench/specs/digits-optuna-grid.yaml), run
//   (a) on an embedded silo already up and warmed up (one untimed run of the same grid), SubmitAsync → report JSON;
//   (b) as the whole `sweep run` command in a separate process (dotnet sweep.dll run ...), silo start included;
// and, in the same run, the Optuna script (n_jobs 1): its study.optimize time and its whole process, timed from here.
using System.Diagnostics;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class SweepBenchmark
{
    private const string Spec = "digits-optuna-grid.yaml";
    private const int DefaultRuns = 3;
    private const int TimeoutMilliseconds = 120_000;

    public static int Run(string[] args)
    {
        var runs = IntOption(args, "--runs", DefaultRuns);
        var slots = IntOption(args, "--slots", 2);
        var noOptuna = Flag(args, "--no-optuna");
        PrintHeader("sweep", string.Join(' ', args));
        var spec = SpecPath(Spec);
        Console.WriteLine($"workload: {Path.GetRelativePath(TorchProcess.RepositoryRoot(), spec)} — 48 trials, digits 64-64-10 ReLU, SGD momentum 0.9, 30 epochs; {runs} timed runs per side, medians");

        var (_, sweepSpec) = ClusterBench.ReadSpec(spec);
        var engine = OverheadBenchmark.EngineSeconds(sweepSpec, spec);
        Console.WriteLine($"engine alone (the same 48 trial specs one after another on one thread, no Orleans): {F(engine, "0.000")} s, {F(48 / engine, "0.0")} trials/s; load {Load()}");
        var machine = OverheadBenchmark.EngineSeconds(sweepSpec, spec, slots);
        Console.WriteLine($"engine alone on {slots} threads (the machine's own limit for this workload): {F(machine, "0.000")} s, {F(48 / machine, "0.0")} trials/s " +
            $"({F(engine / machine, "0.00")}x one thread); load {Load()}");

        // (a) the sweep itself, cluster up and warm.
        var inProcess = new List<double>();
        double? oursBest = null;
        double sumTrainSeconds = 0;
        using (var cluster = new ClusterScope(slots))
        {
            var first = RunSweepAsync(cluster.Cluster, spec, "bench-sweep-warmup").GetAwaiter().GetResult();
            Console.WriteLine($"silo start {F(cluster.StartSeconds, "0.000")} s; warm-up run (first sweep of the process, not counted) {F(first.Seconds, "0.000")} s; load {Load()}");
            for (var i = 0; i < runs; i++)
            {
                var timed = RunSweepAsync(cluster.Cluster, spec, "bench-sweep").GetAwaiter().GetResult();
                Check(timed);
                inProcess.Add(timed.Seconds);
                oursBest = BestTrialMetric(timed.Report);
                sumTrainSeconds = timed.Report.Header.ComputeSeconds;
                Console.WriteLine($"  in-process sweep {i + 1}: {F(timed.Seconds, "0.000")} s, {F(48 / timed.Seconds, "0.0")} trials/s, Σ trial wall {F(timed.Report.Header.ComputeSeconds, "0.000")} s, report call {F(timed.ReportSeconds * 1000, "0.0")} ms, load {Load()}");
            }
        }

        // (b) the whole command, and Optuna, alternating so that both see the same load.
        var sweepDll = SweepDll();
        var command = new List<double>();
        var optunaSweep = new List<double>();
        var optunaProcess = new List<double>();
        var optunaWall = new List<double>();
        double? optunaBest = null;
        var note = "";
        var output = Directory.CreateTempSubdirectory("sweep-bench-");
        try
        {
            RunCommand(sweepDll, spec, output.FullName); // untimed: file cache
            for (var i = 0; i < runs; i++)
            {
                var load = Load();
                var seconds = RunCommand(sweepDll, spec, output.FullName);
                command.Add(seconds);
                var line = $"  `sweep run` {i + 1}: {F(seconds, "0.000")} s (load {load})";
                if (!noOptuna)
                {
                    load = Load();
                    var (result, why, wall) = RunOptuna("digits_grid.py", "--n-jobs", "1");
                    if (result is { } r)
                    {
                        optunaSweep.Add(r.GetProperty("sweep_seconds").GetDouble());
                        optunaProcess.Add(r.GetProperty("process_seconds").GetDouble());
                        optunaWall.Add(wall);
                        optunaBest = r.GetProperty("best_value").GetDouble();
                        line += $"; optuna: study.optimize {F(optunaSweep[^1], "0.000")} s, process {F(wall, "0.000")} s (load {load})";
                    }
                    else note = why;
                }
                Console.WriteLine(line);
            }
        }
        finally
        {
            output.Delete(recursive: true);
        }

        var ours = Median(inProcess);
        var oursCommand = Median(command);
        Console.WriteLine();
        Console.WriteLine($"{"48-trial digits grid",-44} {"SweepCluster",14} {"Optuna n_jobs=1",16} {"ratio",9} {"target",8}");
        if (optunaSweep.Count > 0)
        {
            var theirs = Median(optunaSweep);
            var theirsWall = Median(optunaWall);
            Console.WriteLine($"{"sweep only (s)",-44} {F(ours, "0.000"),14} {F(theirs, "0.000"),16}");
            Console.WriteLine($"{"sweep trials/s (ours ÷ Optuna)",-44} {F(48 / ours, "0.0"),14} {F(48 / theirs, "0.0"),16} {F(theirs / ours, "0.0") + "x",9} {">= 10x",8}");
            Console.WriteLine($"{"whole process wall s (Optuna ÷ ours)",-44} {F(oursCommand, "0.000"),14} {F(theirsWall, "0.000"),16} {F(theirsWall / oursCommand, "0.00") + "x",9} {"> 1x",8}");
            Console.WriteLine($"{"  Optuna process_seconds (in-script)",-44} {"",14} {F(Median(optunaProcess), "0.000"),16}");
            Console.WriteLine($"{"best single-trial val accuracy",-44} {F(oursBest ?? double.NaN, "0.00000"),14} {F(optunaBest ?? double.NaN, "0.00000"),16}");
            Console.WriteLine($"{"the machine's limit: engine alone ÷ Optuna",-44} {F(48 / machine, "0.0"),14} {F(48 / theirs, "0.0"),16} {F(theirs / machine, "0.0") + "x",9}");
        }
        else
        {
            Console.WriteLine($"{"sweep only (s)",-44} {F(ours, "0.000"),14} {"-",16}");
            Console.WriteLine($"{"sweep trials/s",-44} {F(48 / ours, "0.0"),14} {"-",16}");
            Console.WriteLine($"{"whole `sweep run` wall s",-44} {F(oursCommand, "0.000"),14} {"-",16}");
            Console.WriteLine($"{"best single-trial val accuracy",-44} {F(oursBest ?? double.NaN, "0.00000"),14} {"-",16}");
            if (note.Length > 0) Console.WriteLine($"  {note}");
        }
        Console.WriteLine($"ours reach {F(machine / ours, "0.00")} of the machine's limit (engine alone on {slots} threads, no Orleans)");
        Console.WriteLine($"ours: {slots} slots; Σ trial wall seconds of the last in-process run {F(sumTrainSeconds, "0.000")} s (both slots' training, as the report counts it)");
        Console.WriteLine($"`sweep run` = dotnet {Path.GetRelativePath(TorchProcess.RepositoryRoot(), sweepDll)} run {Path.GetRelativePath(TorchProcess.RepositoryRoot(), spec)} -o <temp dir>");
        Console.WriteLine($"load average at end: {Load()}");
        return 0;
    }

    private static void Check(TimedSweep timed)
    {
        var completed = timed.Progress.Count(TrialStatus.Completed);
        if (completed != 48) throw new InvalidOperationException($"sweep {timed.SweepId}: {completed} of 48 trials completed");
    }

    /// <summary>The Release build of the CLI (built with this benchmark through its ProjectReference).</summary>
    public static string SweepDll()
    {
        var root = TorchProcess.RepositoryRoot();
        var path = Path.Combine(root, "client", "bin", "Release", "net10.0", "sweep.dll");
        if (!File.Exists(path)) throw new InvalidOperationException($"{path} is missing: dotnet build -c Release client");
        return path;
    }

    /// <summary>Wall seconds of `dotnet sweep.dll run SPEC -o OUTPUT` (process start to exit); throws unless it exits 0.</summary>
    public static double RunCommand(string sweepDll, string spec, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { sweepDll, "run", spec, "-o", output }) start.ArgumentList.Add(a);
        var timer = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeoutMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("`sweep run` timed out");
        }
        timer.Stop();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"`sweep run` exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        return timer.Elapsed.TotalSeconds;
    }
}

/// <summary>An embedded silo started for a benchmark and stopped at the end of the scope.</summary>
public sealed class ClusterScope : IDisposable
{
    /// <param name="store">The <c>--store</c> value: <c>memory</c> (the default), a SQLite file's path or <c>postgres</c>.</param>
    public ClusterScope(int slots, string store = StoreSelection.MemoryValue)
    {
        var timer = Stopwatch.StartNew();
        Cluster = EmbeddedCluster.StartAsync(slots, CancellationToken.None, store: store).GetAwaiter().GetResult();
        StartSeconds = timer.Elapsed.TotalSeconds;
    }

    public EmbeddedCluster Cluster { get; }
    public double StartSeconds { get; }

    public void Dispose() => Cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
