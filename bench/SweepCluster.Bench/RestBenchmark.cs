// `rest` mode: what a silo holds at rest after a sweep. An embedded silo (the `sweep run` default) runs
// bench/specs/fashion-mnist-rest.yaml, then sits idle for longer than the data caches' retention; the resident set and
// the managed heap are read after the start, at the end of the sweep, and at rest. What stays at rest is the sweep's
// stored state (in the embedded default, the process's own store: trial histories and their checkpoints, which
// `sweep replay` needs) and the runtime itself.
using System.Diagnostics;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class RestBenchmark
{
    /// <summary>Longer than the data caches' one-minute retention plus their half-retention check.</summary>
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(100);

    public static int Run(string[] args)
    {
        PrintHeader("rest", string.Join(' ', args));
        using var cluster = new ClusterScope(0);
        var started = Memory();
        var timer = Stopwatch.StartNew();
        var sweep = RunSweepAsync(cluster.Cluster, SpecPath("fashion-mnist-rest.yaml"), "bench-rest").GetAwaiter().GetResult();
        var finished = Memory();
        Console.WriteLine($"sweep: {sweep.Progress.TotalTrials} fashion-mnist trials in {F(timer.Elapsed.TotalSeconds, "0.0")} s on {cluster.Cluster.Slots} slot(s)");
        Thread.Sleep(Idle);
        var rest = Memory();
        Console.WriteLine($"{"",-28} {"RSS MB",8} {"managed heap MB",16}");
        foreach (var (label, (rss, heap)) in new[] { ("silo started", started), ("sweep finished", finished), ($"at rest ({Idle.TotalSeconds:0} s idle)", rest) })
            Console.WriteLine($"{label,-28} {rss,8:N0} {heap,16:N0}");
        Console.WriteLine($"peak RSS: {PeakRssMegabytes():N0} MB; load average at end: {Load()}");
        return 0;
    }

    private static (long Rss, long Heap) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024);
        return (StatusMegabytes("VmRSS:"), heap);
    }

    /// <summary>A figure of /proc/self/status (VmRSS: resident now, VmHWM: peak), in MB.</summary>
    public static long StatusMegabytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    public static long PeakRssMegabytes() => StatusMegabytes("VmHWM:");
}
