// In a real deployment a killed silo's process is gone, so nothing of it can write to storage any more. In-process
// test silos share the process with the test: a "killed" silo's background work (a training thread, a grain's pump)
// would keep running and keep writing to the shared store. Fencing the silo's storage right before the kill makes the
// test cluster behave like the real thing: every later read or write from that silo fails.
using Orleans.Storage;

namespace SweepCluster.Cluster.Tests;

public sealed class FenceableGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private volatile bool _fenced;

    /// <summary>From now on this silo's storage calls fail, as if its process had died.</summary>
    public void Fence() => _fenced = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard() ?? inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard() ?? inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Guard() ?? inner.ClearStateAsync(stateName, grainId, grainState);

    private Task? Guard() => _fenced ? Task.FromException(new OrleansException("this silo is dead: its storage is fenced")) : null;
}
