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

    /// <summary>Calls <paramref name="call"/> until it succeeds or fails for good, retrying transient failures with
    /// <see cref="BackoffSchedule.Calls"/> until <paramref name="patience"/> runs out (then the last failure is thrown).</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan patience, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + patience;
        for (var retry = 1; ; retry++)
        {
            var delay = BackoffSchedule.Calls.Delay(retry, Random.Shared.NextDouble());
            try
            {
                return await call();
            }
            catch (Exception error) when (IsTransient(error) && DateTime.UtcNow + delay < deadline)
            {
                await Task.Delay(delay, cancellation);
            }
        }
    }
}
