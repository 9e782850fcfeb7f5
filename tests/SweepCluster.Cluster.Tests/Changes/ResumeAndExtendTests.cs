// `sweep resume` and `sweep extend` on a three-silo TestingHost cluster with the real engine. A sweep cancelled mid-run
// and resumed completes; its trials completed before the cancel are not run again (the executor counts every start);
// interrupted trials go on from their checkpoints; every result equals an uninterrupted run bit for bit. Extending a
// finished grid with seeds and a random search with combinations runs only the new trials, each exactly as the same
// trial of a sweep that had it from the start.
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Changes;

/// <summary>The engine, counting the starts of each trial ("sweep/index"). For the sweep named in
/// <see cref="HoldSweepId"/>, the first <see cref="FreeStarts"/> first starts run freely and every later first start is
/// held after its <see cref="HoldAfterEpoch"/>th epoch (checkpoint taken) until it is cancelled, so the test catches
/// the sweep with trials both completed and running, whatever the machine's speed; <see cref="StopHolding"/> ends that.</summary>
public sealed class CountingExecutor : ITrialExecutor
{
    private static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(2);
    private readonly EngineTrialExecutor _engine = new();
    private int _firstStartsOfHeldSweep;
    private volatile bool _holding = true;

    public ConcurrentDictionary<string, int> Starts { get; } = new();

    public string? HoldSweepId { get; init; }

    public int FreeStarts { get; init; }

    public int HoldAfterEpoch { get; init; }

    public int StartsOf(string sweepId, int trial) => Starts.GetValueOrDefault($"{sweepId}/{trial}");

    public void StopHolding() => _holding = false;

    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
    {
        var starts = Starts.AddOrUpdate($"{assignment.SweepId}/{assignment.TrialIndex}", 1, (_, n) => n + 1);
        var held = _holding && assignment.SweepId == HoldSweepId && starts == 1 && Interlocked.Increment(ref _firstStartsOfHeldSweep) > FreeStarts;
        return _engine.Run(assignment, data, checkpoint, held ? new HoldingWriter(progress, HoldAfterEpoch, cancellation) : progress, cancellation);
    }

    /// <summary>Passes every epoch on; after the hold epoch's checkpoint, blocks the training thread until cancelled.</summary>
    private sealed class HoldingWriter(ChannelWriter<EpochProgress> inner, int holdAfterEpoch, CancellationToken cancellation)
        : ChannelWriter<EpochProgress>
    {
        public override bool TryWrite(EpochProgress item)
        {
            var written = inner.TryWrite(item);
            if (item.Record.Epoch >= holdAfterEpoch && item.Checkpoint is not null) cancellation.WaitHandle.WaitOne(LongestHold);
            return written;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken token = default) => inner.WaitToWriteAsync(token);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);
    }
}

public sealed class ResumeAndExtendTests(ITestOutputHelper output) : IAsyncLifetime
{
    // 12 digits trials of 12 epochs: long enough to be caught mid-run, short enough for a loaded machine.
    private const string Grid = """
        name: changes
        dataset: digits
        model: { hidden: [32] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.05, { schedule: cosine, initial: 0.05 }]
        batch_size: [16, 32]
        seeds: [1, 2]
        epochs: 12
        checkpoint_every: 1
        """;

    private const string Random = """
        name: changes-random
        dataset: digits
        model: { hidden: [16] }
        search: { strategy: random, trials: 3, seed: 5 }
        learning_rate: { loguniform: [0.01, 0.1] }
        epochs: 4
        checkpoint_every: 1
        """;

    private readonly CountingExecutor _executor = new() { HoldSweepId = "resume", FreeStarts = 2, HoldAfterEpoch = 3 };
    private TestClusterHandle _handle = null!;

    public async Task InitializeAsync() =>
        _handle = await TestClusterHandle.StartAsync(3, configure: services => services.AddSingleton<ITrialExecutor>(_executor));

    public async Task DisposeAsync() => await _handle.DisposeAsync();

    [Fact]
    public async Task ACancelledSweepResumesCompletesAndEqualsAnUninterruptedRun()
    {
        var coordinator = await SweepDriver.SubmitAsync(_handle.Grains, "resume", Grid);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Completed) >= 2 && p.Count(TrialStatus.Running) > 0);
        await coordinator.CancelAsync();
        _executor.StopHolding(); // trials started by the resume train freely
        var cancelled = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Cancelled, cancelled.Status);
        var completedBefore = await TrialsWithStatusAsync("resume", TrialStatus.Completed);
        var startsBefore = Enumerable.Range(0, 12).ToDictionary(i => i, i => _executor.StartsOf("resume", i));
        output.WriteLine($"cancelled with {completedBefore.Count} completed: {string.Join(", ", completedBefore)}");

        var resumed = await coordinator.ResumeAsync();
        Assert.Equal(SweepChangeOutcome.Resumed, resumed.Outcome);
        var again = await coordinator.ResumeAsync();
        Assert.Equal(SweepChangeOutcome.AlreadyRunning, again.Outcome);
        await SweepDriver.WaitForEndAsync(coordinator);

        foreach (var trial in completedBefore) Assert.Equal(startsBefore[trial], _executor.StartsOf("resume", trial)); // not run again
        var interrupted = 0;
        for (var trial = 0; trial < 12; trial++)
        {
            var attempts = (await Trial("resume", trial).GetSnapshotAsync()).Attempts;
            if (attempts.Count > 1 && attempts[^1].StartEpoch > 0) interrupted++;
        }
        output.WriteLine($"{interrupted} trial(s) went on from a checkpoint");
        Assert.True(interrupted > 0, "trials running at the cancel go on from their checkpoints");
        await AssertEqualsUninterruptedAsync("resume", Grid, 12);
        Assert.Equal(SweepChangeOutcome.Refused, (await coordinator.ResumeAsync()).Outcome); // finished: extend it instead
    }

    [Fact]
    public async Task ExtendingAFinishedGridWithSeedsRunsOnlyTheNewTrials()
    {
        var coordinator = await SweepDriver.SubmitAsync(_handle.Grains, "extend-seeds", Grid);
        await SweepDriver.WaitForEndAsync(coordinator);
        var startsBefore = Enumerable.Range(0, 12).Select(i => _executor.StartsOf("extend-seeds", i)).ToArray();

        Assert.Equal(SweepChangeOutcome.Refused, (await coordinator.ExtendAsync(new SweepExtension(0, [2]))).Outcome);
        Assert.Equal(SweepChangeOutcome.Refused, (await coordinator.ExtendAsync(new SweepExtension(2, []))).Outcome);
        var extended = await coordinator.ExtendAsync(new SweepExtension(0, [3]));
        Assert.Equal(SweepChangeOutcome.Extended, extended.Outcome);
        Assert.Equal(18, extended.TotalTrials);
        var end = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal((SweepStatus.Completed, 18), (end.Status, end.Count(TrialStatus.Completed)));
        Assert.Equal(startsBefore, Enumerable.Range(0, 12).Select(i => _executor.StartsOf("extend-seeds", i)));
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.Equal(18, report.Ranking.Sum(r => r.Completed));

        // Trial 12 + c is combination c with seed 3: the trial of seeds [1, 2, 3] at c × 3 + 2.
        var wider = Searcher(Grid.Replace("seeds: [1, 2]", "seeds: [1, 2, 3]"));
        for (var c = 0; c < 6; c++)
            Assert.Equal(Train(wider.Suggest(c * 3 + 2).Spec), (await Trial("extend-seeds", 12 + c).GetSnapshotAsync()).History);
    }

    [Fact]
    public async Task ExtendingARandomSearchDrawsTheNextCombinationsOfItsSeededSearcher()
    {
        var coordinator = await SweepDriver.SubmitAsync(_handle.Grains, "extend-trials", Random);
        await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepChangeOutcome.Extended, (await coordinator.ExtendAsync(new SweepExtension(2, []))).Outcome);
        await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepChangeOutcome.Extended, (await coordinator.ExtendAsync(new SweepExtension(1, []))).Outcome);
        var end = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal((SweepStatus.Completed, 6), (end.Status, end.Count(TrialStatus.Completed)));
        Assert.All(Enumerable.Range(0, 6), i => Assert.Equal(1, _executor.StartsOf("extend-trials", i)));
        await AssertEqualsUninterruptedAsync("extend-trials", Random.Replace("trials: 3", "trials: 6"), 6);
    }

    [Fact]
    public async Task ASweepWhoseDataFileChangedAndThenVanishedIsExtendedOnItsOwnStoredCopy()
    {
        var folder = Directory.CreateTempSubdirectory("sweepcluster-data-");
        var data = Path.Combine(folder.FullName, "points.csv");
        var rows = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"{i % 7 * 0.3:0.0},{i % 5 * 0.2:0.0},{i % 2}"));
        await File.WriteAllTextAsync(data, $"a,b,label\n{rows}\n");
        var original = CsvContent.Of(await File.ReadAllBytesAsync(data));
        var specPath = Path.Combine(folder.FullName, "data-change.yaml");
        await File.WriteAllTextAsync(specPath, """
            name: data-change
            dataset: points.csv
            model: { hidden: [4] }
            learning_rate: [0.05]
            seeds: [1]
            epochs: 2
            """);
        ISweepCoordinatorGrain coordinator;
        try
        {
            coordinator = await SweepDriver.SubmitFileAsync(_handle.Grains, "data-change", specPath);
            await SweepDriver.WaitForEndAsync(coordinator);
            await File.AppendAllTextAsync(data, "9.9,9.9,1\n"); // edited after the sweep started: not what it trains on
            Assert.Equal(SweepChangeOutcome.Extended, (await coordinator.ExtendAsync(new SweepExtension(0, [2]))).Outcome);
            await SweepDriver.WaitForEndAsync(coordinator);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The file is gone now: the sweep still goes on, on the copy stored when it was submitted.
        Assert.Equal(SweepChangeOutcome.Extended, (await coordinator.ExtendAsync(new SweepExtension(0, [3]))).Outcome);
        var end = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal((SweepStatus.Completed, 3), (end.Status, end.Count(TrialStatus.Completed)));
        var stored = new SweepDatasets(new Dictionary<string, CsvContent> { ["points.csv"] = original });
        var searcher = SearcherFactory.Create(SweepSpecLoader.Parse("""
            name: data-change
            dataset: points.csv
            model: { hidden: [4] }
            learning_rate: [0.05]
            seeds: [1, 2, 3]
            epochs: 2
            """, SpecFormat.Yaml, "data-change.yaml"));
        for (var index = 0; index < 3; index++)
        {
            var spec = searcher.Suggest(index).Spec;
            var expected = new Trainer(spec, TrainingDataLoader.Load(spec, stored)).Run().History; // the original rows, not the edited file
            Assert.Equal(expected, (await Trial("data-change", index).GetSnapshotAsync()).History);
        }
    }

    private async Task AssertEqualsUninterruptedAsync(string sweepId, string yaml, int trials)
    {
        var searcher = Searcher(yaml);
        Assert.Equal(trials, searcher.TotalTrials);
        for (var index = 0; index < trials; index++)
        {
            var snapshot = await Trial(sweepId, index).GetSnapshotAsync();
            Assert.Equal(TrialStatus.Completed, snapshot.Status);
            Assert.Equal(Train(searcher.Suggest(index).Spec), snapshot.History); // bit for bit
        }
    }

    private async Task<IReadOnlyList<int>> TrialsWithStatusAsync(string sweepId, TrialStatus status)
    {
        var snapshots = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Trial(sweepId, i).GetSnapshotAsync()));
        return snapshots.Select((s, i) => (s, i)).Where(t => t.s.Status == status).Select(t => t.i).ToArray();
    }

    private static ISearcher Searcher(string yaml) => SearcherFactory.Create(SweepSpecLoader.Parse(yaml, SpecFormat.Yaml, "changes.yaml"));

    private static IReadOnlyList<EpochRecord> Train(Core.Specs.TrialSpec spec) => new Trainer(spec, TrainingDataLoader.Load(spec)).Run().History;

    private ITrialGrain Trial(string sweepId, int index) => _handle.Grains.GetGrain<ITrialGrain>($"{sweepId}/{index}");
}
