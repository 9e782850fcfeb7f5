// What Ctrl+C (SIGINT) and SIGTERM mean to a `sweep` command, as a small state machine with no signals in it: the
// first request stops the command gracefully (its cancellation token fires; `run` cancels its sweep resumably,
// `watch` detaches), any later one ends the process at once. InterruptSignals feeds it the real signals.
namespace SweepCluster.Cli.Interrupts;

/// <summary>What to do on a termination request.</summary>
public enum InterruptAction
{
    /// <summary>The first request: cancel the command's token and let it end cleanly.</summary>
    StopGracefully,

    /// <summary>A later request: the user does not want to wait; exit now.</summary>
    ExitNow,
}

/// <summary>Counts termination requests and cancels <see cref="Token"/> on the first.</summary>
public sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private int _requests;

    /// <summary>Cancelled by the first request.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Records one request (thread-safe) and says what to do about it.</summary>
    public InterruptAction Request()
    {
        if (Interlocked.Increment(ref _requests) > 1) return InterruptAction.ExitNow;
        _stop.Cancel();
        return InterruptAction.StopGracefully;
    }

    public void Dispose() => _stop.Dispose();
}
