// How long a client (the CLI) waits: to connect, for one grain call's answer, and in all for a call that meets a
// failover. One record so every command takes the same settings; the CLI fills it from flags or the environment.
namespace SweepCluster.Hosting;

/// <param name="Connect">Connecting retries with backoff until this much time has passed (a cluster that refuses
/// every connection is given up on sooner: see <see cref="ConnectRule"/>).</param>
/// <param name="Call">One grain call waits this long for its answer (Orleans' response timeout).</param>
/// <param name="Retry">A call that fails because a silo died, a gateway moved or the call timed out is retried with
/// backoff until this much time has passed since its first attempt.</param>
public sealed record ClientTimeouts(TimeSpan Connect, TimeSpan Call, TimeSpan Retry)
{
    public static readonly TimeSpan DefaultConnect = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultCall = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultRetry = TimeSpan.FromSeconds(120);

    public static ClientTimeouts Default { get; } = new(DefaultConnect, DefaultCall, DefaultRetry);
}
