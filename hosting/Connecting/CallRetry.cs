// How a client's command makes a grain call that may meet a failover: a transient failure (a silo died, a gateway
// moved, the call timed out; see TransientFailures) is retried with backoff until the retry deadline, then becomes a
// ClusterUnavailableException whose one line says what was asked, how often and for how long. Calls made this way must
// be safe to repeat (reads, an idempotent submit, a cancel).
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Abstractions;

namespace SweepCluster.Hosting;

public sealed class CallRetry(TimeSpan patience, BackoffSchedule schedule)
{
    /// <summary>The flag and variable that set the retry deadline, as the message names them.</summary>
    public const string PatienceSetting = "--retry-timeout (or $SweepCluster__RetryTimeout)";

    public CallRetry(TimeSpan patience) : this(patience, BackoffSchedule.Calls)
    {
    }

    public TimeSpan Patience => patience;

    /// <param name="what">The call in words for the message, e.g. "the progress of sweep X".</param>
    /// <exception cref="ClusterUnavailableException">Transient failures went on until the deadline.</exception>
    public async Task<T> RunAsync<T>(string what, Func<Task<T>> call, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (TransientFailures.IsTransient(error) && !cancellation.IsCancellationRequested)
            {
                var delay = schedule.Delay(attempt, Random.Shared.NextDouble());
                if (clock.Elapsed + delay >= patience) throw new ClusterUnavailableException(GaveUp(what, attempt, clock.Elapsed, error), error);
                await Task.Delay(delay, cancellation);
            }
        }
    }

    public Task RunAsync(string what, Func<Task> call, CancellationToken cancellation = default) =>
        RunAsync(what, async () =>
        {
            await call();
            return true;
        }, cancellation);

    /// <summary>"the cluster did not answer for the progress of sweep X: 9 attempt(s) in 120.3 s (silo unavailable: ...). ..."</summary>
    public static string GaveUp(string what, int attempts, TimeSpan elapsed, Exception last) =>
        $"the cluster did not answer for {what}: {attempts} attempt(s) in {elapsed.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s, " +
        $"the last one: {Kind(last)}: {ConnectAttempt.OneLine(last)}. A silo may have died and its grains not come back yet; " +
        $"try again, or allow more time with {PatienceSetting}.";

    private static string Kind(Exception error) => error switch
    {
        TimeoutException => "timed out",
        Orleans.Runtime.SiloUnavailableException => "silo unavailable",
        Orleans.Runtime.Messaging.ConnectionFailedException => "connection failed",
        Orleans.Runtime.OrleansMessageRejectionException => "message rejected",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Kind(aggregate.InnerExceptions[0]),
        _ => error.GetType().Name,
    };
}
