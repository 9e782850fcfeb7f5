// `latency` mode: status calls while every slot trains. An embedded silo (2 slots by default) runs
// bench/specs/digits-long.yaml (long digits trials, more trials than slots); once every slot is training, this process
// times 200 rounds of one ITrialGrain.GetSnapshotAsync call (rotating over the training trials) and one
// ISweepCoordinatorGrain.GetProgressAsync call, a round every 10 ms (as a polling client would; the calls then meet
// the trials' per-epoch state writes and reports), after 20 untimed rounds, then cancels the sweep.
using System.Diagnostics;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Hosting;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class LatencyBenchmark
{
    private const string Spec = "digits-long.yaml";
    private const int Warmup = 20;

    /// <summary>Timing starts once every training trial has reported this many epochs.</summary>
    private const int MinEpochs = 3;

    public static int Run(string[] args)
    {
        var slots = IntOption(args, "--slots", 2);
        var calls = IntOption(args, "--calls", 200);
        var interval = IntOption(args, "--interval-ms", 10);
        var specName = args.SkipWhile(a => a != "--spec").Skip(1).FirstOrDefault() ?? Spec;
        PrintHeader("latency", string.Join(' ', args));
        var spec = SpecPath(specName);
        Console.WriteLine($"workload: {Path.GetRelativePath(TorchProcess.RepositoryRoot(), spec)} on {slots} slots; {calls} timed rounds (one call of each kind), one every {interval} ms, from this process");
        using var scope = new ClusterScope(slots);
        return RunAsync(scope.Cluster, spec, slots, calls, interval).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(EmbeddedCluster cluster, string spec, int slots, int calls, int interval)
    {
        var (submission, _) = ClusterBench.ReadSpec(spec);
        var id = NewId("bench-latency");
        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        var submitted = await coordinator.SubmitAsync(submission);
        if (submitted.Outcome != SubmitOutcome.Created) throw new InvalidOperationException(string.Join("; ", submitted.Errors));
        try
        {
            var training = await WaitForBusySlotsAsync(cluster, coordinator, id, submitted.TotalTrials, slots);
            Console.WriteLine($"every slot training (trials {string.Join(", ", training)}); load {Load()}");
            var before = await coordinator.GetProgressAsync();
            var lastHistory = 0;
            var snapshots = new double[calls];
            var progress = new double[calls];
            var timer = Stopwatch.StartNew();
            for (var i = -Warmup; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var snapshot = await cluster.Grains.GetGrain<ITrialGrain>($"{id}/{training[(i + Warmup) % training.Length]}").GetSnapshotAsync();
                var middle = Stopwatch.GetTimestamp();
                _ = await coordinator.GetProgressAsync();
                var end = Stopwatch.GetTimestamp();
                if (i < 0) continue;
                if (i == 0) timer.Restart();
                snapshots[i] = Stopwatch.GetElapsedTime(start, middle).TotalMilliseconds;
                progress[i] = Stopwatch.GetElapsedTime(middle, end).TotalMilliseconds;
                lastHistory = snapshot.History.Count;
                await Task.Delay(interval);
            }
            var seconds = timer.Elapsed.TotalSeconds;
            var after = await coordinator.GetProgressAsync();
            var stillTraining = after!.Count(TrialStatus.Running);

            Console.WriteLine();
            Console.WriteLine($"{"call (ms), every slot training",-40} {"p50",8} {"p95",8} {"p99",8} {"max",8} {"mean",8}");
            Print("ITrialGrain.GetSnapshotAsync", snapshots);
            Print("ISweepCoordinatorGrain.GetProgressAsync", progress);
            Console.WriteLine($"target: < 100 ms. Over the {F(seconds, "0.0")} s of timed calls the trials reported {after!.EpochsDone - before!.EpochsDone:N0} epochs " +
                              $"({F((after.EpochsDone - before.EpochsDone) / seconds, "0")} epoch reports/s to the coordinator); trials running at the end: {stillTraining} of {slots} slots; " +
                              $"history of the last snapshot {lastHistory:N0} epochs; load {Load()}");
            return 0;
        }
        finally
        {
            var cancel = Stopwatch.StartNew();
            await coordinator.CancelAsync();
            Console.WriteLine($"sweep cancelled in {F(cancel.Elapsed.TotalMilliseconds, "0.0")} ms");
        }
    }

    /// <summary>Polls until as many trials as slots are Running and their grains say they are training; their indexes.</summary>
    private static async Task<int[]> WaitForBusySlotsAsync(EmbeddedCluster cluster, ISweepCoordinatorGrain coordinator, string id, int total, int slots)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var busy = new List<int>();
            for (var i = 0; i < total; i++)
            {
                var s = await cluster.Grains.GetGrain<ITrialGrain>($"{id}/{i}").GetSnapshotAsync();
                if (s is { IsTraining: true, Status: TrialStatus.Running, History.Count: >= MinEpochs }) busy.Add(i);
            }
            if (busy.Count >= slots) return [.. busy];
            await Task.Delay(50);
        }
        throw new TimeoutException($"the slots did not all start training: {(await coordinator.GetProgressAsync())?.Counts.Count}");
    }

    private static void Print(string name, double[] millis)
    {
        var sorted = millis.Order().ToArray();
        Console.WriteLine($"{name,-40} {F(Percentile(sorted, 50), "0.000"),8} {F(Percentile(sorted, 95), "0.000"),8} {F(Percentile(sorted, 99), "0.000"),8} {F(sorted[^1], "0.000"),8} {F(sorted.Average(), "0.000"),8}");
    }
}
