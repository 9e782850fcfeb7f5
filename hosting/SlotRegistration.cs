// Registers this silo's training slot count in the silo directory once the silo is active, so coordinators know
// how many trials they may place here.
using Microsoft.Extensions.Logging;
using SweepCluster.Abstractions;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Hosting;

public sealed class SlotRegistration(IGrainFactory grains, ILocalSiloDetails localSilo, TrainingSlots slots, ILogger<SlotRegistration> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>
    /// How long registration retries transient failures. A silo restarted on the same endpoint right after a crash
    /// (kill -9, then systemd's restart) briefly sees its own previous incarnation as active and has its first calls
    /// rejected until the membership table catches up; that must not fail the start.
    /// </summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SlotRegistration), ServiceLifecycleStage.Active, RegisterAsync);

    private async Task RegisterAsync(CancellationToken cancellation)
    {
        var address = localSilo.SiloAddress.ToParsableString();
        await TransientFailures.RetryAsync(async () =>
        {
            await grains.GetGrain<ISiloDirectoryGrain>(ISiloDirectoryGrain.Key).RegisterAsync(address, slots.Capacity);
            return true;
        }, Patience, cancellation);
        logger.LogInformation("Silo {Silo} offers {Slots} training slots", address, slots.Capacity);
    }
}
