// Whether a client goes on trying to connect: a pure rule over the attempts so far, so it is testable in milliseconds.
// Nothing listening, or a gateway that closes every handshake (another cluster), is given up on after a few attempts (a silo that is starting gets those seconds); something that
// listens but is slow (a loaded machine, every client JIT-starting .NET) is waited for until the deadline.
namespace SweepCluster.Hosting;

public enum ConnectVerdict
{
    /// <summary>Wait the backoff delay, then try again.</summary>
    Retry,

    /// <summary>Every gateway refused the last attempts: nothing listens there.</summary>
    NothingListens,

    /// <summary>A gateway listens but closed the last attempts in the handshake: another cluster (id or service id).</summary>
    WrongCluster,

    /// <summary>The next attempt would start after the deadline.</summary>
    DeadlinePassed,
}

public static class ConnectRule
{
    /// <summary>Attempts in a row that every gateway refused, or closed in the handshake, before the client gives up
    /// (a few seconds with the connect backoff: a silo that is starting gets them).</summary>
    public const int RefusedAttemptsBeforeGivingUp = 4;

    /// <param name="attempts">The failed attempts so far, oldest first.</param>
    /// <param name="nextAttemptAt">When the next attempt would start (now plus the backoff delay), from the first attempt's start.</param>
    public static ConnectVerdict Decide(IReadOnlyList<ConnectAttempt> attempts, TimeSpan nextAttemptAt, TimeSpan deadline)
    {
        if (attempts.Count >= RefusedAttemptsBeforeGivingUp && attempts.TakeLast(RefusedAttemptsBeforeGivingUp).All(a => a.NothingListens))
            return ConnectVerdict.NothingListens;
        if (attempts.Count >= RefusedAttemptsBeforeGivingUp && attempts.TakeLast(RefusedAttemptsBeforeGivingUp).All(a => a.HandshakeRefused))
            return ConnectVerdict.WrongCluster;
        return nextAttemptAt >= deadline ? ConnectVerdict.DeadlinePassed : ConnectVerdict.Retry;
    }
}
