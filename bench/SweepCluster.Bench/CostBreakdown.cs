// `overhead --costs`: times, one by one and outside Orleans' scheduler, the pieces of work the coordinator and the
// trial grains do per trial and per epoch, so that a slow overhead figure can be traced to its parts. Uses the same
// serializers the embedded silo uses (its IGrainStorageSerializer comes from a silo host configured exactly like
// EmbeddedCluster's, not started).
using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using SweepCluster.Abstractions;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Coordination;
using SweepCluster.Grains.Trials;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class CostBreakdown
{
    private const string Silo = "S127.0.0.1:40123:123456789";

    public static void Print(string specFile)
    {
        var (submission, spec) = ClusterBench.ReadSpec(specFile);
        var searcher = SearcherFactory.Create(spec);
        var n = searcher.TotalTrials;
        var first = searcher.Suggest(0);
        var data = TrainingDataLoader.Load(first.Spec, Path.GetDirectoryName(specFile));
        var (serializer, binary) = StorageSerializers();
        Console.WriteLine($"cost breakdown for {Path.GetFileName(specFile)} ({n:N0} trials, {first.Spec.Epochs} epoch(s) each); µs per operation, best of 5; load {Load()}; default storage serializer: {serializer.GetType().Name}");

        Row("searcher.Suggest(i)", () => searcher.Suggest(n / 2));
        Row("SweepSpecLoader.Parse (coordinator activation)", () => SweepSpecLoader.Parse(submission.SpecText, submission.IsJson ? SpecFormat.Json : SpecFormat.Yaml, submission.SourceName, submission.BaseDirectory, submission.AllowLarge), repeat: 3);
        var trainer = new Trainer(first.Spec, data);
        var result = trainer.Run();
        Row("engine: one whole trial (Trainer.Run)", () => new Trainer(first.Spec, data).Run(), repeat: 20);
        Row("engine: one trial via TrialRunner (+ checkpoints)", () => RunViaTrialRunner(first.Spec, Path.GetDirectoryName(specFile)), repeat: 20);
        var checkpoint = CheckpointSerializer.Serialize(trainer.Checkpoint());
        Row($"CheckpointSerializer.Serialize ({checkpoint.Length:N0} B)", () => CheckpointSerializer.Serialize(trainer.Checkpoint()));

        var trialState = new TrialGrainState(new TrialAssignment("bench", 0, first.Spec, submission.BaseDirectory, 1, 1), TrialStatus.Running,
            result.History, null, Silo, 0.01, []);
        var trialBytes = serializer.Serialize(trialState).ToMemory().Length;
        Row($"trial state write: serialize TrialGrainState ({trialBytes:N0} B, {result.History.Count} epochs)", () => serializer.Serialize(trialState));
        Row($"  the same with OrleansGrainStorageSerializer ({binary.Serialize(trialState).ToMemory().Length:N0} B)", () => binary.Serialize(trialState));
        var checkpointState = new TrialCheckpointState(result.History.Count, checkpoint);
        Row($"checkpoint write: serialize TrialCheckpointState ({serializer.Serialize(checkpointState).ToMemory().Length:N0} B), only when there is a new one", () => serializer.Serialize(checkpointState));

        var last = result.History[^1];
        var done = TrialSummary.Fresh(0) with
        {
            Status = TrialStatus.Completed, Attempt = 1, EpochsDone = last.Epoch, LastMetric = last.TrainLoss, BestMetric = last.TrainLoss,
            Silos = [Silo], WallSeconds = 0.01, DispatchedAt = DateTimeOffset.UtcNow,
        };
        var sweepState = new CoordinatorState(submission, new SweepState(spec.Name, SweepStatus.Running, DateTimeOffset.UtcNow, null,
            Enumerable.Range(0, n).Select(i => done with { Index = i }).ToImmutableList(), null));
        var sweepBytes = serializer.Serialize(sweepState).ToMemory().Length;
        var perWrite = Row($"coordinator state write: serialize CoordinatorState ({sweepBytes:N0} B, {n:N0} trials done)", () => serializer.Serialize(sweepState), repeat: 5);
        Row($"  the same with OrleansGrainStorageSerializer ({binary.Serialize(sweepState).ToMemory().Length:N0} B)", () => binary.Serialize(sweepState), repeat: 5);
        Console.WriteLine($"  → one summary per trial, no histories: ≈ {F(perWrite / Math.Max(1, n), "0.000")} µs per trial per write; the coordinator writes at ticks and before acting on a scheduler's decision");
        var fresh = new CoordinatorState(submission, new SweepState(spec.Name, SweepStatus.Running, DateTimeOffset.UtcNow, null,
            Enumerable.Range(0, n).Select(TrialSummary.Fresh).ToImmutableList(), null));
        Row($"  the same at submission ({serializer.Serialize(fresh).ToMemory().Length:N0} B, no trial run yet)", () => serializer.Serialize(fresh), repeat: 5);
    }

    private static TrainingResult RunViaTrialRunner(TrialSpec spec, string? baseDirectory)
    {
        var channel = Channel.CreateUnbounded<EpochProgress>();
        var result = TrialRunner.Run(new TrialAssignment("bench", 0, spec, null, 1, 1), new Engine.Data.LocalDatasets(baseDirectory), null, channel.Writer,
            CancellationToken.None);
        while (channel.Reader.TryRead(out _)) { }
        return result;
    }

    /// <summary>Prints and returns the best-of-5 mean µs of <paramref name="action"/> over <paramref name="repeat"/> calls (after a warm-up).</summary>
    private static double Row(string what, Func<object?> action, int repeat = 200)
    {
        for (var i = 0; i < Math.Max(3, repeat / 4); i++) action();
        var best = double.MaxValue;
        for (var sample = 0; sample < 5; sample++)
        {
            var timer = Stopwatch.StartNew();
            for (var i = 0; i < repeat; i++) action();
            best = Math.Min(best, timer.Elapsed.TotalMicroseconds / repeat);
        }
        Console.WriteLine($"  {what,-92} {F(best, "0.0"),10} µs");
        return best;
    }

    /// <summary>The grain-storage serializer of a silo configured like EmbeddedCluster's (built, never started).</summary>
    private static (IGrainStorageSerializer Default, IGrainStorageSerializer Binary) StorageSerializers()
    {
        var host = SweepSiloHost.Build(new SweepSiloOptions { Slots = 1, SiloPort = 40123, GatewayPort = 0, HttpPort = 0, Store = StoreSelection.MemoryValue });
        return (host.Services.GetRequiredService<IGrainStorageSerializer>(), ActivatorUtilities.CreateInstance<OrleansGrainStorageSerializer>(host.Services));
    }
}
