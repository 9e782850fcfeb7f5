// ASHA, median stopping and PBT on a real cluster: early stopping with the expected fraction, PBT's exploit copying
// the donor's checkpoint grain to grain, replay of what a trial applied, and a reproducible single-slot run.
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cluster.Tests.Adaptive;

/// <summary>A two-silo cluster whose silos record what every attempt started from.</summary>
public sealed class RecordingCluster : IAsyncLifetime
{
    public RecordingExecutor Executor { get; } = new();
    private TestClusterHandle? _handle;

    public IGrainFactory Grains => _handle!.Grains;

    public async Task InitializeAsync() =>
        _handle = await TestClusterHandle.StartAsync(2, configure: services => services.AddSingleton<ITrialExecutor>(Executor));

    public async Task DisposeAsync()
    {
        if (_handle is not null) await _handle.DisposeAsync();
    }
}

public sealed class AdaptiveSchedulingTests(RecordingCluster fixture) : IClassFixture<RecordingCluster>
{
    // 9 random learning rates on digits; ASHA rungs at epochs 1 and 3 of 9.
    private const string Asha = """
        name: asha-digits
        dataset: digits
        model: { hidden: [32] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: 9, seed: 4, scheduler_unused: 0 }
        learning_rate: { loguniform: [0.0005, 0.5] }
        batch_size: 32
        epochs: 9
        scheduler: { type: asha, min_epochs: 1, eta: 3 }
        """;

    // A population of 4; exploit and explore at epoch 2 of 4.
    internal const string Pbt = """
        name: pbt-digits
        dataset: digits
        model: { hidden: [32] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: 4, seed: 2 }
        learning_rate: { loguniform: [0.001, 0.3] }
        weight_decay: { choice: [0, 0.0001] }
        batch_size: { choice: [16, 64] }
        epochs: 4
        scheduler: { type: pbt, interval: 2, quantile: 0.25 }
        """;

    /// <summary>
    /// A trial grain's snapshot once it stopped training: the coordinator may count a trial done (it decided the stop)
    /// a moment before the trial grain, which stops at the next epoch boundary, has stored its final state.
    /// </summary>
    internal static async Task<TrialSnapshot> SettledAsync(IGrainFactory grains, string key)
    {
        var deadline = DateTime.UtcNow + SweepDriver.DefaultTimeout;
        while (true)
        {
            var snapshot = await grains.GetGrain<ITrialGrain>(key).GetSnapshotAsync();
            if ((!snapshot.IsTraining && snapshot.Status.IsTerminal()) || DateTime.UtcNow > deadline) return snapshot;
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static string Spec(string yaml) => yaml.Replace(", scheduler_unused: 0", "");

    [Fact]
    public async Task AshaStopsAtLeastTheExpectedFractionOfTrialsAtTheFirstRung()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "asha", Spec(Asha));
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.Equal(SweepStatus.Completed, progress.Status);
        var stopped = report.Stopped!;
        Assert.All(stopped, s => Assert.Equal(TrialStatus.Pruned, s.Status));
        Assert.All(stopped, s => Assert.Contains("rung", s.Reason));
        Assert.Equal(9, progress.Count(TrialStatus.Completed) + progress.Count(TrialStatus.Pruned));
        Assert.Equal(stopped.Count, report.Ranking.Sum(r => r.Pruned));
        Assert.All(report.Ranking, r => Assert.NotEmpty(r.Silos)); // pruned trials too: they report only epochs

        // Whatever order the results arrived in, each rung's final top third left it (ASHA promotes as results arrive,
        // so earlier promotions made on fewer results may let more leave: at most 7 of 9 from rung 0, when results
        // arrive worst first — AshaSchedulerTests.HowManyLeaveARungDependsOnTheArrivalOrder).
        var epochsRun = new Dictionary<int, int>();
        var metricAt = new Dictionary<(int Trial, int Epoch), double>();
        for (var index = 0; index < 9; index++)
        {
            var history = (await SettledAsync(fixture.Grains, $"asha/{index}")).History;
            epochsRun[index] = history.Count;
            foreach (var record in history) metricAt[(index, record.Epoch)] = record.ValMetric!.Value;
        }
        foreach (var (rung, epoch) in new[] { (0, 1), (1, 3) })
        {
            var reached = epochsRun.Where(e => e.Value >= epoch).Select(e => e.Key).ToArray();
            var topThird = reached.OrderByDescending(t => metricAt[(t, epoch)]).ThenBy(t => t).Take(reached.Length / 3).ToArray();
            Assert.All(topThird, t => Assert.True(epochsRun[t] > epoch, $"trial {t}, in rung {rung}'s top third, stopped there:\n{string.Join("\n", stopped)}"));
        }
        const int MostThatLeaveRungZero = 7;
        Assert.True(stopped.Count(s => s.Epoch == 1) >= 9 - MostThatLeaveRungZero, string.Join("\n", stopped));
        Assert.Equal(epochsRun.Values.Sum(), progress.EpochsDone);
        Assert.Equal(progress.EpochsDone, progress.EpochsPlanned); // pruned trials plan no more epochs: progress ends at 100%
        Assert.True(progress.EpochsDone < 9 * 9, $"{progress.EpochsDone} epochs: ASHA saved nothing");

        // Exactly one result per trial, and the trial grains agree with the coordinator.
        foreach (var entry in stopped)
        {
            var snapshot = await SettledAsync(fixture.Grains, $"asha/{entry.Index}");
            Assert.Equal(TrialStatus.Pruned, snapshot.Status);
            Assert.False(snapshot.IsTraining);
            Assert.Equal(entry.Epoch, snapshot.History.Count);

            // The same question asked again (as after a lost answer) is answered the same way, not with "go on";
            // so is one from an attempt older than the trial's.
            foreach (var attempt in new[] { snapshot.Attempt, snapshot.Attempt - 1 })
            {
                var again = await coordinator.DecideAsync(new TrialEpochs(entry.Index, attempt, [snapshot.History[^1]], "asking-again", 0));
                Assert.Equal(TrialDecision.Stop, again.Decision);
            }
        }
    }

    [Fact]
    public async Task APbtExploitStartsFromTheDonorsCheckpointAndTheReplayReproducesTheTrialBitForBit()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "pbt", Pbt);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(4, progress.Count(TrialStatus.Completed));

        var exploits = fixture.Executor.Starts.Where(s => s.Assignment.SweepId == "pbt" && s.Assignment.Donor is not null).ToArray();
        var (assignment, copied) = Assert.Single(exploits); // one generation (epoch 2), bottom 25% of 4 = 1 trial
        Assert.Equal(2, assignment.Donor!.Epoch);
        var donorIndex = int.Parse(assignment.Donor.TrialKey.Split('/')[1]);
        Assert.NotEqual(assignment.TrialIndex, donorIndex);

        // The donor's state after epoch 2, computed directly by the engine.
        var sweep = SweepSpecLoader.Parse(Pbt, SpecFormat.Yaml, "pbt.yaml");
        var donorSpec = SearcherFactory.Create(sweep).Suggest(donorIndex).Spec;
        var donor = new Trainer(donorSpec with { Epochs = 2 }, TrainingDataLoader.Load(donorSpec));
        Assert.Equal(TrialOutcome.Completed, donor.Run().Outcome);
        var expected = donor.Checkpoint();
        var actual = CheckpointSerializer.Deserialize(copied!);
        Assert.Equal(2, actual.Epoch);
        Assert.Equal(expected.Weights, actual.Weights);
        Assert.Equal(expected.Biases, actual.Biases);
        Assert.Equal(expected.Optimizer.Buffers, actual.Optimizer.Buffers);

        // The copier ran on with the donor's hyperparameters, perturbed; its seed is the donor's (where its weights began).
        var explored = assignment.Spec;
        Assert.Equal(donorSpec.Seed, explored.Seed);
        Assert.All(new[] { explored.LearningRate.Scale, explored.WeightDecay.Scale, explored.BatchSize.Scale }, s => Assert.Contains(s, new double?[] { 0.8, 1.2 }));

        // Replay: the recorded schedules alone reproduce the copier's whole run — the donor's first two epochs included.
        var replayYaml = await coordinator.GetReplayAsync(assignment.TrialIndex);
        Assert.NotNull(replayYaml);
        Assert.Contains("schedule: recorded", replayYaml);
        var replay = TrialSpecLoader.Parse(replayYaml, SpecFormat.Yaml).Spec;
        var replayed = new Trainer(replay, TrainingDataLoader.Load(replay));
        var result = replayed.Run();
        var snapshot = await fixture.Grains.GetGrain<ITrialGrain>($"pbt/{assignment.TrialIndex}").GetSnapshotAsync();
        Assert.Equal(snapshot.History, result.History);
        var final = CheckpointSerializer.Deserialize((await fixture.Grains.GetGrain<ITrialGrain>($"pbt/{assignment.TrialIndex}").GetCheckpointAsync()).Checkpoint!);
        Assert.Equal(final.Weights, replayed.Checkpoint().Weights);
        Assert.Equal(final.Applied.LearningRate, result.Applied.LearningRate);
        Assert.Equal(final.Applied.BatchSize, result.Applied.BatchSize);

        // Every member trained in two segments (paused at the generation); the report counts both, as the grain does.
        var report = await SweepDriver.ReportAsync(coordinator);
        foreach (var ranked in report.Ranking)
        {
            var member = await SettledAsync(fixture.Grains, $"pbt/{ranked.Combination}");
            Assert.True(member.WallSeconds > 0);
            Assert.Equal(member.WallSeconds, ranked.WallSeconds);
        }

        // The report remembers the exploit the executor saw: the copier, its donor and boundary, and the explore factors.
        var exploit = Assert.Single(report.Exploits!);
        Assert.Equal((assignment.TrialIndex, donorIndex, 2), (exploit.Index, exploit.Exploit.DonorIndex, exploit.Exploit.Epoch));
        Assert.Equal([explored.LearningRate.Scale, explored.WeightDecay.Scale, explored.BatchSize.Scale],
            new double?[] { exploit.Exploit.LearningRateFactor, exploit.Exploit.WeightDecayFactor, exploit.Exploit.BatchSizeFactor });
        Assert.Null(exploit.Exploit.ResampleDraw);
    }

    [Fact]
    public async Task APbtResampleRunsTheSchedulesOfAFreshDrawFromTheSearchSpace()
    {
        var yaml = Pbt.Replace("quantile: 0.25 }", "quantile: 0.25, resample_probability: 1 }");
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "pbt-resample", yaml);
        Assert.Equal(4, (await SweepDriver.WaitForEndAsync(coordinator)).Count(TrialStatus.Completed));

        var exploit = Assert.Single((await SweepDriver.ReportAsync(coordinator)).Exploits!);
        Assert.Equal(2 * 4 + exploit.Index, exploit.Exploit.ResampleDraw); // boundary 2 × population 4 + the copier
        var (assignment, _) = Assert.Single(fixture.Executor.Starts, s => s.Assignment.SweepId == "pbt-resample" && s.Assignment.Donor is not null);
        var ran = assignment.Spec;
        var searcher = SearcherFactory.Create(SweepSpecLoader.Parse(yaml, SpecFormat.Yaml, "pbt.yaml"));
        var draw = searcher.Draw(exploit.Exploit.ResampleDraw!.Value);
        Assert.Equal((draw.LearningRate.Initial, draw.WeightDecay.Initial, draw.BatchSize.Initial),
            (ran.LearningRate.Initial, ran.WeightDecay.Initial, ran.BatchSize.Initial));
        Assert.DoesNotContain(Enumerable.Range(0, 4), i => searcher.Suggest(i).Spec.LearningRate.Initial == ran.LearningRate.Initial);
    }

    [Fact]
    public async Task MedianStoppingPrunesTrialsBehindTheMedianWithTheirEpochAndReason()
    {
        var median = Spec(Asha).Replace("name: asha-digits", "name: median-digits").Replace("epochs: 9", "epochs: 4")
            .Replace("{ type: asha, min_epochs: 1, eta: 3 }", "{ type: median, grace_epochs: 1, min_trials: 2 }")
            .Replace("max_concurrent: 0", "") + "\nmax_concurrent: 2\n";
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "median", median);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.Equal(9, progress.Count(TrialStatus.Completed) + progress.Count(TrialStatus.Pruned));
        Assert.All(report.Stopped!, s => Assert.InRange(s.Epoch, 2, 3));
        Assert.All(report.Stopped!, s => Assert.Contains("median", s.Reason));
    }
}

/// <summary>One silo with one slot: trials run in index order, so every scheduler decision is reproducible.</summary>
public sealed class SingleSlotReproducibilityTests
{
    [Fact]
    public async Task ASingleSiloSingleSlotRunIsFullyReproducible()
    {
        await using var cluster = await TestClusterHandle.StartAsync(1, slotsPerSilo: 1);
        const string asha = """
            dataset: iris
            model: { hidden: [8] }
            search: { strategy: random, trials: 9, seed: 5 }
            learning_rate: { loguniform: [0.001, 0.5] }
            batch_size: 8
            epochs: 9
            scheduler: { type: asha, min_epochs: 1, eta: 3 }
            """;
        const string pbt = """
            dataset: iris
            model: { hidden: [8] }
            search: { strategy: random, trials: 4, seed: 5 }
            learning_rate: { loguniform: [0.001, 0.5] }
            batch_size: { choice: [8, 16] }
            epochs: 6
            scheduler: { type: pbt, interval: 2, quantile: 0.5 }
            """;
        foreach (var (name, yaml) in new[] { ("asha", asha), ("pbt", pbt) })
        {
            var first = await RunAsync(cluster, $"{name}-1", yaml);
            var second = await RunAsync(cluster, $"{name}-2", yaml);
            Assert.Equal(first.Select(Key), second.Select(Key));
            for (var i = 0; i < first.Count; i++) Assert.Equal(first[i].History, second[i].History);
        }
    }

    private static string Key(TrialSnapshot s) => $"{s.Status} {s.History.Count} {s.StopReason}";

    private static async Task<IReadOnlyList<TrialSnapshot>> RunAsync(TestClusterHandle cluster, string id, string yaml)
    {
        var coordinator = await SweepDriver.SubmitAsync(cluster.Grains, id, yaml);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        var snapshots = new List<TrialSnapshot>();
        for (var i = 0; i < progress.TotalTrials; i++) snapshots.Add(await AdaptiveSchedulingTests.SettledAsync(cluster.Grains, $"{id}/{i}"));
        return snapshots;
    }
}

/// <summary>A PBT copier started again while its previous attempt winds down keeps both segments' wall time.</summary>
public sealed class PbtRestartWhileWindingDownTests
{
    [Fact]
    public async Task ACopierStartedWhileItsPausedAttemptWindsDownKeepsThatAttemptsWallTime()
    {
        // The member best at the boundary (never a copier) is held back until the others wait there.
        var sweep = SweepSpecLoader.Parse(AdaptiveSchedulingTests.Pbt, SpecFormat.Yaml, "pbt.yaml");
        var searcher = SearcherFactory.Create(sweep);
        const int Population = 4;
        var atBoundary = Enumerable.Range(0, Population).Select(index =>
        {
            var spec = searcher.Suggest(index).Spec;
            var run = new Trainer(spec with { Epochs = 2 }, TrainingDataLoader.Load(spec)).Run();
            return sweep.Metric.ValueOf(run.History[^1])!.Value;
        }).ToArray();
        var best = Array.IndexOf(atBoundary, atBoundary.Max());
        Assert.True(atBoundary.Count(m => m == atBoundary[best]) == 1, "the best member at the boundary must be unique");

        var executor = new WindDownRaceExecutor(Population, best);
        await using var cluster = await TestClusterHandle.StartAsync(2, configure: services => services
            .AddSingleton<ITrialExecutor>(executor)
            .AddSingleton<IIncomingGrainCallFilter>(new HeldCopyFilter(executor)));
        var coordinator = await SweepDriver.SubmitAsync(cluster.Grains, "pbt-race", AdaptiveSchedulingTests.Pbt);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(Population, progress.Count(TrialStatus.Completed));
        var report = await SweepDriver.ReportAsync(coordinator);
        var copier = Assert.Single(report.Exploits!).Index;
        Assert.NotEqual(best, copier);

        foreach (var ranked in report.Ranking)
        {
            var member = await AdaptiveSchedulingTests.SettledAsync(cluster.Grains, $"pbt-race/{ranked.Combination}");
            Assert.Equal(2, member.Attempts.Count);
            if (executor.Held.TryGetValue(ranked.Combination, out var held))
                Assert.True(member.WallSeconds >= held.TotalSeconds, $"trial {ranked.Combination}: {member.WallSeconds} s, its first attempt alone was held {held.TotalSeconds} s");
            Assert.Equal(member.WallSeconds, ranked.WallSeconds);
        }
        Assert.Equal(Population - 1, executor.Held.Count);
    }
}
