// `scaling` mode: the same CPU-bound sweep (bench/specs/digits-scaling.yaml) on 1 silo host with 1 slot, then
// on 2 silo hosts with 1 slot each, over real network hosts (deploy/netns: PostgreSQL and each silo in its own network
// namespace, PostgreSQL clustering and store, this process the client from the root namespace). Throughput ratio =
// trials/s on 2 hosts ÷ trials/s on 1 host (target ≥ 1.8× on this 2-core machine). Per-trial coordination overhead
// across hosts = (sweep wall × slots − Σ trials' training seconds) / trials. Needs root (network namespaces).
using System.Diagnostics;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Hosting;
using SweepCluster.Testing.MultiHost;
using SweepCluster.Tuning.Search;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class ScalingBenchmark
{
    private const string Spec = "digits-scaling.yaml";

    /// <summary>The untimed warm-up sweep (JIT, dataset load, connections) trains this many epochs per trial.</summary>
    private const string WarmupEpochs = "epochs: 5";

    private const int SlotsPerSilo = 1;

    public static int Run(string[] args)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Console.Error.WriteLine("scaling: needs root (it builds network namespaces with deploy/netns/sc-netns.sh)");
            return 2;
        }
        var runs = IntOption(args, "--runs", 1);
        PrintHeader("scaling", string.Join(' ', args));
        var specFile = SpecPath(Spec);
        var (submission, sweepSpec) = ClusterBench.ReadSpec(specFile);
        var searcher = SearcherFactory.Create(sweepSpec);
        var (trials, epochs) = (searcher.TotalTrials, searcher.Suggest(0).Spec.Epochs);
        var warmup = submission with { SpecText = submission.SpecText.Replace($"epochs: {epochs}", WarmupEpochs, StringComparison.Ordinal) };
        Console.WriteLine($"workload: bench/specs/{Spec} — {trials} trials, digits 64-256-256-10, {epochs} epochs; {SlotsPerSilo} slot per silo host; {runs} timed run(s) per configuration");
        return RunAsync(submission, warmup, trials, runs).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(SweepSubmission submission, SweepSubmission warmup, int trials, int runs)
    {
        var run = $"{Environment.ProcessId}";
        await using var cluster = await MultiHostCluster.StartAsync(BuildOutput.RepositoryRoot(), BuildOutput.SiloAssembly(),
            siloHosts: 2, SlotsPerSilo, clusterId: $"bench-scaling-{run}", serviceId: $"bench-scaling-{run}");
        var results = new List<(int Hosts, TimedSweep Sweep, string Load)>();
        foreach (var hosts in new[] { 1, 2 })
        {
            var timer = Stopwatch.StartNew();
            await cluster.StartSilosAsync(hosts); // the second host joins the first, which keeps running
            await using var client = await ClusterConnection.ConnectAsync(cluster.Target, CancellationToken.None);
            Console.WriteLine($"  {hosts} silo host(s) up and connected in {F(timer.Elapsed.TotalSeconds, "0.0")} s ({cluster.Store})");
            var warm = await RunSweepAsync(client.Grains, warmup, "bench-scaling-warmup");
            var timed = new List<TimedSweep>();
            for (var i = 0; i < runs; i++)
            {
                var load = Load();
                var sweep = await RunSweepAsync(client.Grains, submission, "bench-scaling");
                var done = sweep.Progress.Count(TrialStatus.Completed);
                if (done != trials) throw new InvalidOperationException($"{done} of {trials} trials completed");
                var silos = sweep.Report.Ranking.SelectMany(r => r.Silos).Distinct().Count();
                Console.WriteLine($"  {hosts} host(s), run {i + 1}: {F(sweep.Seconds, "0.000")} s, {F(trials / sweep.Seconds, "0.00")} trials/s, trials ran on {silos} silo(s); warm-up {F(warm.Seconds, "0.00")} s; load {load} → {Load()}");
                timed.Add(sweep);
                results.Add((hosts, sweep, load));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"{"CPU-bound sweep, PostgreSQL clustering",-36} {"wall s",8} {"trials/s",9} {"train s/trial",14} {"overhead ms/trial",18} {"load",6}");
        foreach (var (hosts, sweep, load) in results)
        {
            var slots = hosts * SlotsPerSilo;
            var train = sweep.Report.Header.ComputeSeconds;
            Console.WriteLine($"{$"{hosts} silo host{(hosts > 1 ? "s" : "")} × {SlotsPerSilo} slot",-36} {F(sweep.Seconds, "0.000"),8} {F(trials / sweep.Seconds, "0.00"),9} {F(train / trials, "0.000"),14} {F((sweep.Seconds * slots - train) * 1000 / trials, "0.0"),18} {load,6}");
        }
        var one = Median(results.Where(r => r.Hosts == 1).Select(r => r.Sweep.Seconds).ToArray());
        var two = Median(results.Where(r => r.Hosts == 2).Select(r => r.Sweep.Seconds).ToArray());
        Console.WriteLine($"throughput ratio, 2 hosts ÷ 1 host (medians): {F(one / two, "0.00")}× (target ≥ 1.8×)");
        Console.WriteLine("  overhead = (sweep wall × slots − Σ trials' training s) / trials: dispatch, placement, state writes to PostgreSQL and reports");
        Console.WriteLine("  across hosts, and the trial's wait for its dataset on a fresh silo; 'train s/trial' is what each trial grain timed.");
        Console.WriteLine($"load average at end: {Load()}");
        return 0;
    }
}
