// Which way a sweep command reaches its sweeps: a running cluster, or the store itself through a silo started in this
// process (after `sweep run` ended or was killed, no silo runs, yet its sweeps are all in ./sweeps/sweepcluster.db).
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Cluster;

/// <summary>How a command reaches its sweeps.</summary>
public enum SweepAccessKind
{
    /// <summary>As a client of running silos (this machine's, or those named by --redis / --gateway).</summary>
    Cluster,

    /// <summary>Through a silo in this process over the store (no silo runs; the store outlived the one that did).</summary>
    EmbeddedStore,
}

public static class SweepAccessRule
{
    /// <summary>
    /// An explicit <c>--store</c> opens that store; <c>--redis</c> or <c>--gateway</c> reach that cluster; otherwise
    /// a silo answering on this machine's gateway port is used, and when none does, the default store if it exists.
    /// </summary>
    /// <param name="localSiloAnswers">Whether something accepts connections on this machine's gateway port.</param>
    /// <param name="storeExists">Whether the store named by <paramref name="store"/> exists (a SQLite file).</param>
    /// <param name="remote">Whether a cluster elsewhere was named (<c>--postgres</c>, <c>--redis</c>, <c>--gateway</c>).</param>
    /// <exception cref="InvalidFlagException">Both a store and a remote cluster were named.</exception>
    public static SweepAccessKind Choose(StoreChoice store, bool remote, bool localSiloAnswers, bool storeExists)
    {
        if (store.Explicit && remote)
            throw new InvalidFlagException("--store opens a store with a silo in this process, while --postgres, --redis and --gateway reach running silos: give one of them");
        if (store.Explicit) return SweepAccessKind.EmbeddedStore;
        if (remote || localSiloAnswers) return SweepAccessKind.Cluster;
        return storeExists ? SweepAccessKind.EmbeddedStore : SweepAccessKind.Cluster;
    }
}
