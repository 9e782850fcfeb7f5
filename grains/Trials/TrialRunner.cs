// The part of a trial that runs on its dedicated training thread: load data (built-in, or the sweep's data file that
// the attempt fetched by hash; cached per process), check the trial's
// memory estimate against this silo's budget of one trial (refused before the trainer allocates anything), build or
// restore the trainer, train, and hand each epoch (with a checkpoint when one is due) to the grain through a channel.
// Deliberately no Orleans calls here: the grain does all of that on its own scheduler.
using System.Diagnostics;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Training;

namespace SweepCluster.Grains.Trials;

/// <summary>One finished epoch and, when due, the checkpoint taken right after it.</summary>
/// <param name="Decision">At a decision epoch: the training thread waits until the grain sets it (true: go on;
/// false: stop here, at the epoch boundary, with the checkpoint stored).</param>
public sealed record EpochProgress(EpochRecord Record, byte[]? Checkpoint, TaskCompletionSource<bool>? Decision = null);

public static class TrialRunner
{
    /// <summary>Trains <paramref name="assignment"/> from <paramref name="checkpoint"/> (or from scratch) to the end.</summary>
    /// <param name="data">The trial's datasets (never a path: built-ins and its data file's content).</param>
    /// <param name="budget">The most one trial may take on this silo; null: no check.</param>
    /// <exception cref="TrialRefusedException">The trial's memory estimate is over <paramref name="budget"/>.</exception>
    public static TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation,
        TrialMemoryBudget? budget = null)
    {
        try
        {
            var spec = assignment.Spec;
            var trainingData = TrainingDataLoader.Load(spec, data);
            if (budget is not null && TrialMemoryCheck.Check(spec, TrialShape.Of(trainingData), budget) is { } tooLarge)
                throw new TrialRefusedException($"refused by this silo before training: {tooLarge.Field}: {tooLarge.Message}");
            var trainer = checkpoint is null
                ? new Trainer(spec, trainingData)
                : Trainer.Restore(spec, trainingData, CheckpointSerializer.Deserialize(checkpoint));
            var checkpoints = assignment.Checkpoints();
            var sinceCheckpoint = Stopwatch.StartNew(); // an attempt starts from its checkpoint (or from nothing)
            var decisionEpochs = assignment.DecisionEpochs?.ToHashSet() ?? [];
            using var boundary = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            return trainer.Run(boundary.Token, record =>
            {
                var ask = decisionEpochs.Contains(record.Epoch);
                var due = ask || record.Epoch == spec.Epochs || checkpoints.IsDue(record.Epoch, sinceCheckpoint.Elapsed.TotalSeconds);
                if (due) sinceCheckpoint.Restart();
                var decision = ask ? new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously) : null;
                progress.TryWrite(new EpochProgress(record, due ? trainer.CheckpointBytes() : null, decision));
                if (decision is null) return;
                decision.Task.Wait(cancellation);
                if (!decision.Task.Result) boundary.Cancel(); // the trainer stops before the next epoch's first batch
            });
        }
        finally
        {
            progress.TryComplete();
        }
    }
}
