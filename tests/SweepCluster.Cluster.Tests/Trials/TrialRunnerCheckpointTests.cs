// Which epochs of a trial carry a checkpoint to its grain: every N-th (`checkpoint_every`), or the first epoch ending
// S seconds after the last one (`checkpoint_seconds`, the default) — plus, under any policy, the scheduler's decision
// epochs and the last epoch. The trial runner is driven directly, on its own thread, as the trial grain drives it.
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Core.Specs;
using SweepCluster.Grains.Trials;
using SweepCluster.Specs;

namespace SweepCluster.Cluster.Tests.Trials;

public sealed class TrialRunnerCheckpointTests
{
    private const int Epochs = 6;

    /// <summary>Longer than any test run: under this policy only the always-stored epochs have a checkpoint.</summary>
    private const double NeverBySeconds = 3600;

    private static readonly TrialSpec Spec = TrialSpecLoader.Parse($$"""
        dataset: iris
        model: { hidden: [4] }
        learning_rate: 0.05
        batch_size: 16
        epochs: {{Epochs}}
        """, SpecFormat.Yaml).Spec;

    [Theory]
    [InlineData(2, 0.0, null, new[] { 2, 4, 6 })]
    [InlineData(4, 0.0, null, new[] { 4, 6 })]
    [InlineData(0, NeverBySeconds, null, new[] { 6 })]
    [InlineData(0, NeverBySeconds, new[] { 1, 3 }, new[] { 1, 3, 6 })]
    public async Task CheckpointsGoWithTheEpochsThePolicyNames(int everyEpochs, double seconds, int[]? decisionEpochs, int[] expected)
    {
        var assignment = new TrialAssignment("runner", 0, Spec, null, 1, everyEpochs, decisionEpochs, null, seconds);
        var progress = Channel.CreateUnbounded<EpochProgress>();
        var training = Task.Factory.StartNew(() => TrialRunner.Run(assignment, SweepDatasets.BuiltInsOnly, null, progress.Writer, CancellationToken.None),
            TaskCreationOptions.LongRunning);
        var withCheckpoint = new List<int>();
        await foreach (var epoch in progress.Reader.ReadAllAsync())
        {
            if (epoch.Checkpoint is not null) withCheckpoint.Add(epoch.Record.Epoch);
            epoch.Decision?.SetResult(true); // a decision epoch waits for the grain's answer: go on
        }
        Assert.Equal(Epochs, (await training).History.Count);
        Assert.Equal(expected, withCheckpoint);
    }
}
