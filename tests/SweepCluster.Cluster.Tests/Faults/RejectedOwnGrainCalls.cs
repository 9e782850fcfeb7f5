// What a trial's run can meet while the cluster reshapes after a silo's death: its call to its own grain rejected.
// Once armed, the first call with which each trial's run hands its epochs (or its end, with its last epochs) to its grain
// fails as calls fail then (SiloUnavailableException); the calls after it go through.
using System.Collections.Concurrent;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Faults;

public sealed class RejectedOwnGrainCalls : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<GrainId, byte> _rejected = new();
    private volatile bool _armed;

    /// <summary>The trials whose call was rejected, by grain.</summary>
    public IReadOnlyCollection<GrainId> Rejected => _rejected.Keys.ToArray();

    /// <summary>From now on, each trial's next epochs or end call is rejected once.</summary>
    public void Arm() => _armed = true;

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_armed && context.InterfaceMethod?.Name is nameof(ITrialAttemptSink.RecordAsync) or nameof(ITrialAttemptSink.FinishAsync)
            && _rejected.TryAdd(context.TargetId, 0))
            throw new SiloUnavailableException("rejected while the cluster reshapes (injected by the test)");
        return context.Invoke();
    }
}
