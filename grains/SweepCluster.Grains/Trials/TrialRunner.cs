// The part of a trial that runs on its dedicated training thread: load data (cached per process), build or restore
// the trainer, train, and hand each epoch (with a checkpoint when one is due) to the grain through a channel.
// Deliberately no Orleans calls here: the grain does all of that on its own scheduler.
using System.Threading.Channels;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Grains.Trials;

/// <summary>One finished epoch and, when due, the checkpoint taken right after it.</summary>
public sealed record EpochProgress(EpochRecord Record, byte[]? Checkpoint);

public static class TrialRunner
{
    /// <summary>Trains <paramref name="assignment"/> from <paramref name="checkpoint"/> (or from scratch) to the end.</summary>
    public static TrainingResult Run(TrialAssignment assignment, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
    {
        try
        {
            var spec = TrialSpecJson.Deserialize(assignment.SpecJson);
            var data = TrainingDataLoader.Load(spec, assignment.BaseDirectory);
            var trainer = checkpoint is null
                ? new Trainer(spec, data)
                : Trainer.Restore(spec, data, CheckpointSerializer.Deserialize(checkpoint));
            var every = Math.Max(1, assignment.CheckpointEvery);
            return trainer.Run(cancellation, record =>
            {
                var due = record.Epoch % every == 0 || record.Epoch == spec.Epochs;
                progress.TryWrite(new EpochProgress(record, due ? trainer.CheckpointBytes() : null));
            });
        }
        finally
        {
            progress.TryComplete();
        }
    }
}
