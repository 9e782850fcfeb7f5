// Which failures of a call from a client mean "try again": the silo that carried the call (or its gateway) went away,
// or the call timed out while the cluster reshaped. Everything else is a real error.
using Orleans.Runtime;

namespace SweepCluster.Abstractions;

public static class TransientFailures
{
    public static bool IsTransient(Exception error) => error switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => true,
        Orleans.Runtime.Messaging.ConnectionFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };

    /// <summary>Calls <paramref name="call"/> until it succeeds or fails for good, retrying transient failures until <paramref name="patience"/> runs out.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan patience, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + patience;
        var delay = TimeSpan.FromMilliseconds(InitialDelayMilliseconds);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow + delay < deadline)
            {
                await Task.Delay(delay, cancellation);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, MaxDelayMilliseconds));
            }
        }
    }

    private const int InitialDelayMilliseconds = 100;
    private const int MaxDelayMilliseconds = 2000;
}
