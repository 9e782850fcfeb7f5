// `scale` mode: bench/specs/iris-overhead.yaml scaled up to --trials N (default 20,000) one-epoch iris trials on the
// embedded default (one in-process silo, one slot per processor). It samples the sweep's progress while it runs, so
// throughput early and late can be compared (cost linear in the number of trials means they are the same), and reports
// the whole sweep's time, the process's peak RSS and the managed heap the sweep holds per trial at its end. Run one
// size per process, so that peak RSS is that size's alone:
//   dotnet run -c Release --project bench/SweepCluster.Bench -- scale --trials 100000
using System.Diagnostics;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Reporting;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class ScaleBenchmark
{
    private const int DefaultTrials = 20_000;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    public static int Run(string[] args)
    {
        var trials = IntOption(args, "--trials", DefaultTrials);
        var slots = IntOption(args, "--slots", 0);
        PrintHeader("scale", string.Join(' ', args));
        var specFile = ScaledSpec(trials);
        using var cluster = new ClusterScope(slots);
        Console.WriteLine($"workload: iris-overhead.yaml with {trials:N0} one-epoch trials; embedded silo with {cluster.Cluster.Slots} slot(s), started in {F(cluster.StartSeconds, "0.00")} s");

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var (submission, _) = ReadSpec(specFile, allowLarge: true);
        var coordinator = cluster.Cluster.Grains.GetGrain<ISweepCoordinatorGrain>(NewId("bench-scale"));
        var timer = Stopwatch.StartNew();
        var submitted = coordinator.SubmitAsync(submission).GetAwaiter().GetResult();
        if (submitted.Outcome != SubmitOutcome.Created) throw new InvalidOperationException(string.Join("; ", submitted.Errors));
        var submitSeconds = timer.Elapsed.TotalSeconds;
        var samples = new List<(double Seconds, int Finished)>();
        SweepProgress progress;
        while (true)
        {
            progress = coordinator.GetProgressAsync().GetAwaiter().GetResult()!;
            samples.Add((timer.Elapsed.TotalSeconds, progress.Finished));
            if (progress.IsOver) break;
            Thread.Sleep(SampleInterval);
        }
        var sweepSeconds = timer.Elapsed.TotalSeconds;
        var reportTimer = Stopwatch.StartNew();
        var report = coordinator.GetReportAsync().GetAwaiter().GetResult();
        var reportSeconds = reportTimer.Elapsed.TotalSeconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        if (progress.Count(TrialStatus.Completed) != trials) throw new InvalidOperationException($"{progress.Count(TrialStatus.Completed)} of {trials} completed");

        Console.WriteLine($"submission accepted in {F(submitSeconds, "0.00")} s; every trial finished after {F(sweepSeconds, "0.0")} s; report ({SweepReportJson.Serialize(report!).Length / 1024:N0} KiB as JSON) in {F(reportSeconds, "0.00")} s");
        Console.WriteLine($"throughput: {F(trials / sweepSeconds, "0")} trials/s over the whole sweep");
        foreach (var (from, to) in new[] { (0.0, 0.1), (0.45, 0.55), (0.9, 1.0) })
        {
            var rate = WindowRate(samples, trials, from, to);
            Console.WriteLine($"  trials {F(from * 100, "0")}–{F(to * 100, "0")}%: " +
                              (double.IsNaN(rate) ? $"ended between two samples ({SampleInterval.TotalMilliseconds:0} ms apart)" : $"{F(rate, "0")} trials/s"));
        }
        Console.WriteLine($"peak RSS: {RestBenchmark.PeakRssMegabytes():N0} MB; managed heap held at the end: {(heapAfter - heapBefore) / 1024.0 / 1024.0:N1} MB, {F((heapAfter - heapBefore) / (double)trials, "0")} B per trial (coordinator state, trial grains still active, caches)");
        Console.WriteLine($"load average at end: {Load()}");
        File.Delete(specFile);
        return 0;
    }

    // Trials per second between the first samples at which from·N and to·N trials had finished.
    private static double WindowRate(List<(double Seconds, int Finished)> samples, int trials, double from, double to)
    {
        var start = samples.First(s => s.Finished >= from * trials);
        var end = samples.First(s => s.Finished >= Math.Min(trials, to * trials));
        return end.Seconds > start.Seconds ? (end.Finished - start.Finished) / (end.Seconds - start.Seconds) : double.NaN;
    }

    private static string ScaledSpec(int trials)
    {
        var text = File.ReadAllText(SpecPath("iris-overhead.yaml"))
            .Replace("trials: 1000", $"trials: {trials}", StringComparison.Ordinal)
            .Replace("name: iris-overhead", $"name: iris-scale-{trials}", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"iris-scale-{trials}-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
