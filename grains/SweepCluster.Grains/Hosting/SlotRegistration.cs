// Registers this silo's training slot count in the silo directory once the silo is active, so coordinators know
// how many trials they may place here.
using Microsoft.Extensions.Logging;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Grains.Hosting;

public sealed class SlotRegistration(IGrainFactory grains, ILocalSiloDetails localSilo, TrainingSlots slots, ILogger<SlotRegistration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SlotRegistration), ServiceLifecycleStage.Active, RegisterAsync);

    private async Task RegisterAsync(CancellationToken cancellation)
    {
        var address = localSilo.SiloAddress.ToParsableString();
        await grains.GetGrain<ISiloDirectoryGrain>(ISiloDirectoryGrain.Key).RegisterAsync(address, slots.Capacity);
        logger.LogInformation("Silo {Silo} offers {Slots} training slots", address, slots.Capacity);
    }
}
