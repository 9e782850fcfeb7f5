// A silo's executor of trials: the built-in engine, or the user's own program for a trial whose spec names a trainer.
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials.External;

namespace SweepCluster.Grains.Trials;

/// <summary>Runs a trial with the engine (<see cref="EngineTrialExecutor"/>) or, when its spec names a trainer, with
/// <see cref="ExternalTrialExecutor"/>.</summary>
/// <param name="budget">The engine's budget of one trial on this silo; null: no check.</param>
/// <param name="trainerWorkRoot">Where external trainers get their trial folders; null: <see cref="ExternalTrialExecutor.DefaultWorkRoot"/>.</param>
public sealed class TrialExecutor(TrialMemoryBudget? budget = null, string? trainerWorkRoot = null) : ITrialExecutor
{
    private readonly EngineTrialExecutor _engine = new(budget);
    private readonly ExternalTrialExecutor _external = new(trainerWorkRoot ?? ExternalTrialExecutor.DefaultWorkRoot);

    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress,
        CancellationToken cancellation) =>
        assignment.Spec.Trainer is null
            ? _engine.Run(assignment, data, checkpoint, progress, cancellation)
            : _external.Run(assignment, data, checkpoint, progress, cancellation);
}
