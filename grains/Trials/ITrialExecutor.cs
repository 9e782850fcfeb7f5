// How a trial grain turns an assignment into training. The default runs our engine (TrialRunner); the seam lets a
// silo plug in another executor, and lets fault-tolerance tests inject failures without touching the grain.
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Training;

namespace SweepCluster.Grains.Trials;

public interface ITrialExecutor
{
    /// <summary>Runs on the trial's dedicated thread; writes each finished epoch (and due checkpoints) to <paramref name="progress"/>.</summary>
    /// <param name="data">Where the trial's dataset comes from: built-ins and its data file, fetched by hash.</param>
    TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation);
}

/// <summary>The engine: <see cref="TrialRunner"/>, refusing a trial over this silo's memory budget of one trial.</summary>
/// <param name="budget">The silo's budget (registered by AddSweepCluster); null: no check (tests that wrap the engine).</param>
public sealed class EngineTrialExecutor(TrialMemoryBudget? budget = null) : ITrialExecutor
{
    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress,
        CancellationToken cancellation) =>
        TrialRunner.Run(assignment, data, checkpoint, progress, cancellation, budget);
}
