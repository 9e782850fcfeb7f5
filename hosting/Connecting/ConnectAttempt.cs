using Microsoft.AspNetCore.Connections;
using Orleans.Runtime.Messaging;

namespace SweepCluster.Hosting;

/// <summary>How one connection attempt failed, as far as the Orleans client's exception tells.</summary>
public enum AttemptFailure
{
    /// <summary>The gateway accepted the TCP connection, then closed it during the handshake: a silo of another
    /// cluster id or service id does that (so does anything that is not an Orleans gateway).</summary>
    HandshakeClosed,

    /// <summary>The attempt ran out of time: the gateway was too busy to answer, or nothing answered.</summary>
    TimedOut,

    /// <summary>The client did not try: it still waits out its own backoff after the gateway's last failure, which
    /// this attempt repeats (see <see cref="ConnectAttempt.Carry"/>).</summary>
    Throttled,

    /// <summary>Anything else (refused connections among them: the gateway probes tell those apart).</summary>
    Other,
}

/// <summary>One failed connection attempt: when it ended, what the Orleans client said, and what the gateways answered.</summary>
/// <param name="Error">The client's error, one line.</param>
public sealed record ConnectAttempt(TimeSpan EndedAt, string Error, IReadOnlyList<GatewayProbe> Probes, AttemptFailure Failure = AttemptFailure.Other)
{
    /// <summary>Every gateway refused the connection. An empty list (the gateway list could not be read) tells nothing:
    /// a membership table that lists no gateway is reported before connecting (ClientClustering.CheckAsync).</summary>
    public bool NothingListens => Probes.Count > 0 && Probes.All(p => p.Answer == GatewayAnswer.Refused);

    /// <summary>A gateway listens but closed the connection in the handshake.</summary>
    public bool HandshakeRefused => Failure == AttemptFailure.HandshakeClosed && Probes.Any(p => p.Answer == GatewayAnswer.Listening);

    /// <summary>A throttled attempt failed as the one before it did.</summary>
    public static AttemptFailure Carry(AttemptFailure failure, ConnectAttempt? previous) =>
        failure == AttemptFailure.Throttled && previous is not null ? previous.Failure : failure;

    /// <summary>The deepest cause decides: the client wraps it in one ConnectionFailedException per gateway and one for
    /// all; one with no cause under it is the client's own backoff (no connection was tried).</summary>
    public static AttemptFailure Classify(Exception error)
    {
        Exception? parent = null;
        for (var cause = error; cause is not null; (parent, cause) = (cause, cause.InnerException))
        {
            switch (cause)
            {
                case ConnectionFailedException { InnerException: null }:
                    return AttemptFailure.Throttled;
                case ConnectionAbortedException:
                    return AttemptFailure.HandshakeClosed;
                case InvalidOperationException when parent is ConnectionFailedException: // "Connection terminated prematurely"
                    return AttemptFailure.HandshakeClosed;
                case TimeoutException or OperationCanceledException:
                    return AttemptFailure.TimedOut;
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    return Classify(aggregate.InnerExceptions[0]);
            }
        }
        return AttemptFailure.Other;
    }

    public static string OneLine(Exception error)
    {
        var message = (error.InnerException is { } inner && string.IsNullOrWhiteSpace(error.Message) ? inner : error).Message;
        var line = string.IsNullOrWhiteSpace(message) ? error.GetType().Name : message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        return line.Length <= MaxErrorLength ? line : line[..MaxErrorLength] + "…";
    }

    private const int MaxErrorLength = 200;
}
