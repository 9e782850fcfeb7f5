// The durable reminder that reactivates a sweep's coordinator if its silo died and nothing else calls it. Best effort:
// without a reminder service the sweep still runs; only a coordinator whose silo died waits for the next call.
using Microsoft.Extensions.Logging;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

internal static class WakeUpReminder
{
    private const string Name = "wake-up";

    public static async Task EnsureAsync(Grain grain, TimeSpan period, ILogger logger)
    {
        try
        {
            await grain.RegisterOrUpdateReminder(Name, period, period);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "No wake-up reminder for sweep {Sweep}", grain.GetPrimaryKeyString());
        }
    }

    public static async Task RemoveAsync(Grain grain, ILogger logger)
    {
        try
        {
            if (await grain.GetReminder(Name) is { } reminder) await grain.UnregisterReminder(reminder);
        }
        catch (Exception error)
        {
            logger.LogDebug(error, "Could not remove the wake-up reminder of {Sweep}", grain.GetPrimaryKeyString());
        }
    }
}
