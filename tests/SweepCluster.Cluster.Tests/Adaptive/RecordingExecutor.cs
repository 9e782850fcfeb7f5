// The engine executor, recording what every attempt started from: which assignment (with its PBT donor) and which
// checkpoint bytes. Lets a test look at a trial's weights right after an exploit, before it trained on.
using System.Collections.Concurrent;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Adaptive;

public sealed class RecordingExecutor : ITrialExecutor
{
    private readonly EngineTrialExecutor _engine = new();

    public ConcurrentQueue<(TrialAssignment Assignment, byte[]? Checkpoint)> Starts { get; } = new();

    public Engine.Training.TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
    {
        Starts.Enqueue((assignment, checkpoint));
        return _engine.Run(assignment, data, checkpoint, progress, cancellation);
    }
}
