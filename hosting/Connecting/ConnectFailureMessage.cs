// The one line a client prints when it gives up connecting: what it tried (the gateways, the attempts, the time) and
// what it met (refused, no answer, listening but slow or refusing the handshake), and the remedy for that case.
using System.Globalization;

namespace SweepCluster.Hosting;

public static class ConnectFailureMessage
{
    /// <summary>The flag and variable that set the connect deadline, as the message names them.</summary>
    public const string TimeoutSetting = "--connect-timeout (or $SweepCluster__ConnectTimeout)";

    /// <summary>The client's certificate flags, as the messages name them.</summary>
    public const string TlsSettings = "--tls-cert, --tls-key and --tls-ca (or $SweepCluster__Tls__Certificate, __Key, __Ca)";

    /// <param name="verdict">Why the client gave up (<see cref="ConnectVerdict.DeadlinePassed"/> when an attempt hung until the deadline).</param>
    /// <param name="where">The target in words (e.g. "gateway 127.0.0.1:30000").</param>
    /// <param name="attempts">The failed attempts, oldest first (the last may have been cut by the deadline).</param>
    /// <param name="lastProbes">What the gateways answered last (after the deadline when an attempt hung).</param>
    /// <param name="usesTls">Whether this client connects with cluster TLS certificates.</param>
    /// <param name="tlsFinding">What a TLS probe of a gateway found wrong (GatewayTlsProbe), if anything.</param>
    public static string Describe(string where, string clusterId, ConnectVerdict verdict, IReadOnlyList<ConnectAttempt> attempts,
        IReadOnlyList<GatewayProbe> lastProbes, TimeSpan elapsed, TimeSpan deadline, bool isRemote, bool usesTls = false, string? tlsFinding = null)
    {
        var tried = $"{attempts.Count} attempt(s) in {Seconds(elapsed)} s";
        var gateways = Gateways(lastProbes);
        var last = attempts.Count > 0 ? $"; last error: {attempts[^1].Error}" : "";
        if (verdict == ConnectVerdict.NothingListens || lastProbes.Count > 0 && lastProbes.All(p => p.Answer == GatewayAnswer.Refused))
        {
            return $"no SweepCluster silo listens at {where} (cluster '{clusterId}'): connection refused by {gateways} ({tried}). " +
                   (!isRemote
                       ? "Start one with `dotnet run --project silo`, or use `sweep run` for an embedded silo."
                       : "Check that the silos run and that their gateway ports are open.");
        }
        if (verdict == ConnectVerdict.WrongCluster && tlsFinding is not null)
            return $"{where} closed every handshake of this client for cluster '{clusterId}' ({gateways}; {tried}): {tlsFinding}.";
        if (verdict == ConnectVerdict.WrongCluster)
        {
            return $"{where} closed every handshake of this client for cluster '{clusterId}' ({gateways}; {tried}): " +
                   (usesTls
                       ? "they belong to another cluster, refused this client's certificate (issued by another CA?), or run without TLS. " +
                         $"Use the --cluster-id and --service-id the silos were started with, and a certificate of their CA ({TlsSettings})."
                       : "they belong to another cluster, or require cluster TLS (this client has no certificate). " +
                         $"Use the --cluster-id and --service-id the silos were started with, and if they run with TLS, {TlsSettings}.");
        }
        if (lastProbes.Any(p => p.Answer == GatewayAnswer.Listening))
        {
            var otherCluster = attempts.Count > 0 && attempts[^1].Failure == AttemptFailure.Other
                ? "; or, if they run with another --cluster-id or --service-id, use theirs"
                : "";
            return $"the silos at {where} (cluster '{clusterId}') listen but did not accept this client within {Seconds(deadline)} s: {gateways} " +
                   $"({tried}{last}). They are slow to answer (a loaded machine, many clients starting at once): allow more time with " +
                   $"{TimeoutSetting}{otherCluster}.";
        }
        return $"no SweepCluster silo answered at {where} (cluster '{clusterId}') within {Seconds(deadline)} s: {gateways} ({tried}{last}). " +
               $"Check that the silos run, that their gateway ports are reachable from here, or allow more time with {TimeoutSetting}.";
    }

    /// <summary>"gateway 10.0.0.1:30000 (listening), 10.0.0.2:30000 (refused)"; "no gateway (the membership lists none)".</summary>
    public static string Gateways(IReadOnlyList<GatewayProbe> probes)
    {
        if (probes.Count == 0) return "no gateway (none is listed)";
        var listed = string.Join(", ", probes.Select(p => $"{p.Endpoint} ({Words(p.Answer)})"));
        return (probes.Count == 1 ? "gateway " : "gateways ") + listed;
    }

    private static string Words(GatewayAnswer answer) => answer switch
    {
        GatewayAnswer.Refused => "refused",
        GatewayAnswer.NoAnswer => "no answer",
        GatewayAnswer.Listening => "listening",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}
