using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Faults;

/// <summary>Retries of throwing trials, and many sweeps at once.</summary>
public sealed class RetryAndLoadTests
{
    private const string Sweep = """
        name: retries
        dataset: iris
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.05, 0.1]
        seeds: [1, 2]
        epochs: 3
        retries: 2
        """;

    private const int FlakyTrial = 3;
    private const int BrokenTrial = 5;

    /// <summary>Throws for trial 3 on its first two attempts and for trial 5 always; runs the engine otherwise.</summary>
    private sealed class FaultInjectingExecutor : ITrialExecutor
    {
        private readonly EngineTrialExecutor _engine = new();

        public ConcurrentDictionary<int, int> Calls { get; } = new();

        public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
        {
            var call = Calls.AddOrUpdate(assignment.TrialIndex, 1, (_, n) => n + 1);
            if (assignment.TrialIndex == BrokenTrial || (assignment.TrialIndex == FlakyTrial && call <= 2))
            {
                progress.TryComplete();
                throw new IOException($"injected failure {call} of trial {assignment.TrialIndex}");
            }
            return _engine.Run(assignment, data, checkpoint, progress, cancellation);
        }
    }

    [Fact]
    public async Task AThrowingTrialIsRetriedAndOneThatAlwaysThrowsFailsWithItsMessage()
    {
        var executor = new FaultInjectingExecutor();
        await using var handle = await TestClusterHandle.StartAsync(2, configure: services => services.AddSingleton<ITrialExecutor>(executor));
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "retries", Sweep);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(SweepStatus.Completed, progress.Status); // a sweep with failures still completes
        Assert.Equal(7, progress.Count(TrialStatus.Completed));
        Assert.Equal(1, progress.Count(TrialStatus.Failed));
        Assert.Equal(3, executor.Calls[FlakyTrial]);
        Assert.Equal(3, executor.Calls[BrokenTrial]);          // 1 + retries
        Assert.Equal(1, executor.Calls[0]);

        var flaky = await handle.Grains.GetGrain<ITrialGrain>($"retries/{FlakyTrial}").GetSnapshotAsync();
        Assert.Equal(TrialStatus.Completed, flaky.Status);
        var report = await SweepDriver.ReportAsync(coordinator);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(BrokenTrial, failure.Index);
        Assert.Equal(TrialStatus.Failed, failure.Status);
        Assert.Equal($"injected failure 3 of trial {BrokenTrial}", failure.Error);
        Assert.Equal(3, failure.Attempts);
    }

    [Fact]
    public async Task ADivergedTrialIsNotRetried()
    {
        await using var handle = await TestClusterHandle.StartAsync(2);
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "diverge", Sweep.Replace("[0.01, 0.02, 0.05, 0.1]", "[0.01, 1e9]"));
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(2, progress.Count(TrialStatus.Diverged));
        for (var index = 2; index < 4; index++)
        {
            var snapshot = await handle.Grains.GetGrain<ITrialGrain>($"diverge/{index}").GetSnapshotAsync();
            Assert.Equal(TrialStatus.Diverged, snapshot.Status);
            Assert.Single(snapshot.Attempts);
            Assert.Contains("loss became", snapshot.Error);
        }
    }

    [Fact]
    public async Task TenSweepsAtOnceOnTwoSilosAllCompleteWithCorrectReports()
    {
        await using var handle = await TestClusterHandle.StartAsync(2);
        const int sweeps = 10;
        var specs = Enumerable.Range(0, sweeps).Select(i => Sweep
            .Replace("name: retries", $"name: load-{i}")
            .Replace("seeds: [1, 2]", "seeds: [1, 2, 3, 4, 5]")
            .Replace("epochs: 3", $"epochs: {2 + i % 3}")).ToArray();
        var coordinators = await Task.WhenAll(specs.Select((spec, i) => SweepDriver.SubmitAsync(handle.Grains, $"load-{i}", spec)));
        var progress = await Task.WhenAll(coordinators.Select(SweepDriver.WaitForEndAsync));
        Assert.Equal(200, progress.Sum(p => p.TotalTrials));
        Assert.All(progress, p =>
        {
            Assert.Equal(SweepStatus.Completed, p.Status);
            Assert.Equal(20, p.Count(TrialStatus.Completed));
        });
        for (var i = 0; i < sweeps; i++)
        {
            var report = await SweepDriver.ReportAsync(coordinators[i]);
            Assert.Equal(4, report.Ranking.Count);
            Assert.All(report.Ranking, row => Assert.Equal(5, row.Completed));
            var history = (await handle.Grains.GetGrain<ITrialGrain>($"load-{i}/0").GetSnapshotAsync()).History;
            Assert.Equal(2 + i % 3, history.Count);
        }
        var listed = await handle.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        Assert.Equal(sweeps, listed.Count(s => s.SweepId.StartsWith("load-") && s.Status == SweepStatus.Completed));
    }
}
