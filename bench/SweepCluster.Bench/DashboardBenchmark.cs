// `dashboard` mode: what monitoring costs. The same sweeps on an embedded silo three ways — no web host; the web host
// with Microsoft.Orleans.Dashboard (which records every grain call); and the same with a viewer polling the
// dashboard's data like an open browser tab does (its counters and cluster statistics, once a second). The variants
// alternate over the rounds so that each sees the same machine load. Sweeps: the 48-trial digits grid of `sweep`
// (CPU-bound training) and the 1,000 one-epoch iris trials of `overhead` (almost nothing but grain calls).
// Each variant of each round starts a fresh silo, warms it up with one untimed grid and times R runs of each sweep; a
// first round of all three, not counted, warms up the process (its first silo otherwise pays for the JIT).
// Options: --rounds N (3) --runs R (3) --slots S (2).
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SweepCluster.Hosting;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class DashboardBenchmark
{
    private const int DefaultRounds = 3;
    private const int DefaultRuns = 3;
    private const string GridSpec = "digits-optuna-grid.yaml";
    private const string CallsSpec = "iris-overhead.yaml";

    /// <summary>What the dashboard page fetches on its refresh timer.</summary>
    private static readonly string[] ViewerRequests = ["dashboard/DashboardCounters", "dashboard/ClusterStats"];

    private static readonly TimeSpan ViewerPeriod = TimeSpan.FromSeconds(1);

    private enum Monitoring
    {
        None,
        Dashboard,
        DashboardWithViewer,
    }

    private sealed record Timings(List<double> Grid, List<double> Calls, List<int> ViewerPolls);

    public static int Run(string[] args)
    {
        var rounds = IntOption(args, "--rounds", DefaultRounds);
        var runs = IntOption(args, "--runs", DefaultRuns);
        var slots = IntOption(args, "--slots", 2);
        PrintHeader("dashboard", string.Join(' ', args));
        Console.WriteLine($"sweeps: bench/specs/{GridSpec} (48 digits trials) and bench/specs/{CallsSpec} (1,000 one-epoch iris trials), " +
            $"{slots} slots, {rounds} rounds of the three variants in turn, {runs} timed runs of each sweep per variant and round");
        var results = Enum.GetValues<Monitoring>().ToDictionary(m => m, _ => new Timings([], [], []));
        foreach (var monitoring in Enum.GetValues<Monitoring>()) RunVariantAsync(monitoring, slots, runs: 1).GetAwaiter().GetResult();
        Console.WriteLine($"  warm-up round done; load {Load()}");
        for (var round = 0; round < rounds; round++)
        {
            foreach (var monitoring in Enum.GetValues<Monitoring>())
            {
                var (grid, calls, polls) = RunVariantAsync(monitoring, slots, runs).GetAwaiter().GetResult();
                var timings = results[monitoring];
                timings.Grid.AddRange(grid);
                timings.Calls.AddRange(calls);
                timings.ViewerPolls.Add(polls);
                Console.WriteLine($"  round {round + 1}, {Describe(monitoring),-32} grid {string.Join(" ", grid.Select(s => F(s, "0.000")))} s, " +
                    $"iris {string.Join(" ", calls.Select(s => F(s, "0.000")))} s{(polls > 0 ? $", {polls} viewer polls" : "")}; load {Load()}");
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{$"medians of {rounds * runs} runs",-34} {"48-trial grid s",16} {"vs none",8} {"1,000 iris trials s",20} {"vs none",8}");
        var baseline = results[Monitoring.None];
        foreach (var (monitoring, timings) in results)
        {
            Console.WriteLine($"{Describe(monitoring),-34} {F(Median(timings.Grid), "0.000"),16} {F(Median(timings.Grid) / Median(baseline.Grid), "0.00") + "x",8} " +
                $"{F(Median(timings.Calls), "0.000"),20} {F(Median(timings.Calls) / Median(baseline.Calls), "0.00") + "x",8}");
        }
        Console.WriteLine($"load average at end: {Load()}");
        return 0;
    }

    private static string Describe(Monitoring monitoring) => monitoring switch
    {
        Monitoring.None => "no web host",
        Monitoring.Dashboard => "dashboard",
        _ => "dashboard + a viewer polling 1/s",
    };

    // A fresh embedded silo per variant and round: warmed up by one untimed grid, then timed runs of each sweep.
    private static async Task<(List<double> Grid, List<double> Calls, int ViewerPolls)> RunVariantAsync(Monitoring monitoring, int slots, int runs)
    {
        var port = monitoring == Monitoring.None ? 0 : FreeLoopbackPort();
        await using var cluster = await EmbeddedCluster.StartAsync(slots, CancellationToken.None, port);
        await RunSweepAsync(cluster, SpecPath(GridSpec), "dash-warmup");
        using var stop = new CancellationTokenSource();
        var viewer = monitoring == Monitoring.DashboardWithViewer ? PollAsync(port, stop.Token) : Task.FromResult(0);
        var (grid, calls) = (new List<double>(), new List<double>());
        for (var run = 0; run < runs; run++)
        {
            grid.Add((await RunSweepAsync(cluster, SpecPath(GridSpec), "dash-grid")).Seconds);
            calls.Add((await RunSweepAsync(cluster, SpecPath(CallsSpec), "dash-iris")).Seconds);
        }
        await stop.CancelAsync();
        return (grid, calls, await viewer);
    }

    /// <summary>Fetches what an open dashboard tab fetches, once a period, until cancelled; the number of rounds made.</summary>
    private static async Task<int> PollAsync(int port, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var polls = 0;
        using var timer = new PeriodicTimer(ViewerPeriod);
        try
        {
            do
            {
                foreach (var path in ViewerRequests)
                {
                    using var response = await http.GetAsync(path, cancellation);
                    response.EnsureSuccessStatusCode();
                }
                polls++;
            }
            while (await timer.WaitForNextTickAsync(cancellation));
        }
        catch (OperationCanceledException)
        {
        }
        return polls;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
