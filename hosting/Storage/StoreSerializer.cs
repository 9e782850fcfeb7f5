// Orleans' binary serializer outside a silo, for reading the grain state a silo stored (StoredSweepReport): the same
// codecs a silo registers, found the same way, without starting any host. Built once per process.
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace SweepCluster.Hosting.Storage;

/// <summary>The process's stand-alone Orleans <see cref="Serializer"/>.</summary>
public static class StoreSerializer
{
    private static readonly Lazy<Serializer> Instance = new(() =>
        new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>());

    /// <summary>The serializer (built on first use).</summary>
    public static Serializer Shared => Instance.Value;
}
