// The cluster's live silos and their training slots, as the coordinator's state machine takes them.
using SweepCluster.Coordination;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

internal static class LiveSilos
{
    /// <summary>Slots assumed for a live silo that has not registered its own count yet.</summary>
    private const int UnregisteredSiloSlots = 1;

    public static async Task<IReadOnlyList<LiveSilo>> QueryAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        var registered = await grains.GetGrain<ISiloDirectoryGrain>(ISiloDirectoryGrain.Key).GetSlotsAsync();
        return hosts.Keys
            .Select(address => (Key: address.ToParsableString(), Endpoint: address.Endpoint.ToString()))
            .Select(s => new LiveSilo(s.Key, s.Endpoint, registered.GetValueOrDefault(s.Key, UnregisteredSiloSlots)))
            .ToArray();
    }
}
