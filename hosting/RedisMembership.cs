// Reads the Redis membership table that Orleans' Redis clustering keeps (one hash per cluster,
// `{serviceId}/members/{clusterId}`, one JSON entry per silo), so silos and clients can say clearly, before Orleans
// starts, that Redis is unreachable or that the cluster id does not match the silos that are there.
using System.Text.Json;
using StackExchange.Redis;

namespace SweepCluster.Hosting;

/// <summary>The membership rows of every cluster of one service id, as Redis holds them.</summary>
public sealed record MembershipSnapshot(string Redis, string ServiceId, IReadOnlyList<MemberRow> Rows)
{
    /// <summary>Rows marked active whose last heartbeat is recent (a killed silo stays "active" until voted dead).</summary>
    public IEnumerable<MemberRow> Live(DateTimeOffset now) => MembershipRows.Live(Rows, now);
}

public static class RedisMembership
{
    /// <summary>Orleans' SiloStatus.Active as stored in the table.</summary>
    public const int ActiveStatus = MembershipRows.ActiveStatus;

    /// <summary>See <see cref="MembershipRows.StaleAfter"/>.</summary>
    public static readonly TimeSpan StaleAfter = MembershipRows.StaleAfter;

    /// <summary>Pause between two connection attempts.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private const string VersionField = "Version";

    /// <summary>Connects to Redis with <paramref name="attempts"/> bounded attempts, then reads every cluster's rows.</summary>
    /// <exception cref="ClusterStartupException">Redis did not answer; the message names <c>--redis</c>.</exception>
    public static async Task<MembershipSnapshot> ReadAsync(string redis, string serviceId, int attempts, CancellationToken cancellation)
    {
        await using var connection = await ConnectAsync(redis, attempts, cancellation);
        var database = connection.GetDatabase();
        var prefix = $"{serviceId}/members/";
        var rows = new List<MemberRow>();
        foreach (var server in connection.GetServers())
        {
            await foreach (var key in server.KeysAsync(database.Database, $"{EscapeGlob(prefix)}*").WithCancellation(cancellation))
            {
                var clusterId = key.ToString()[prefix.Length..];
                foreach (var entry in await database.HashGetAllAsync(key))
                {
                    if (entry.Name == VersionField) continue;
                    if (Parse(clusterId, entry.Value.ToString()) is { } row) rows.Add(row);
                }
            }
        }
        return new MembershipSnapshot(redis, serviceId, rows);
    }

    /// <summary>A connection to Redis after at most <paramref name="attempts"/> attempts of a bounded time each.</summary>
    /// <exception cref="ClusterStartupException">Every attempt failed.</exception>
    public static async Task<ConnectionMultiplexer> ConnectAsync(string redis, int attempts, CancellationToken cancellation)
    {
        var configuration = RedisHosting.Configuration(redis);
        configuration.AbortOnConnectFail = true; // one attempt is one bounded try; the loop below retries
        var started = DateTime.UtcNow;
        Exception? last = null;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync(configuration);
            }
            catch (RedisConnectionException error)
            {
                last = error;
                if (attempt < attempts) await Task.Delay(RetryDelay, cancellation);
            }
        }
        throw new ClusterStartupException(
            $"could not reach Redis at '{RedisText.Redact(redis)}' (--redis): {attempts} attempt(s) of up to {RedisHosting.ConnectTimeout.TotalSeconds:0} s each " +
            $"over {(DateTime.UtcNow - started).TotalSeconds:0.0} s; last error: {RedisText.Scrub(FirstLine(last?.Message), redis)}. " +
            "Check that redis-server runs there, listens on that address (its `bind` setting) and that the port is open.", last);
    }

    private static MemberRow? Parse(string clusterId, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var address = root.GetProperty("SiloAddress").GetProperty("SiloAddress").GetString() ?? "?";
            return new MemberRow(clusterId, address, root.GetProperty("Status").GetInt32(),
                root.TryGetProperty("ProxyPort", out var port) ? port.GetInt32() : 0,
                root.TryGetProperty("IAmAliveTime", out var alive) ? alive.GetDateTimeOffset() : DateTimeOffset.MinValue);
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null; // a row of another Orleans version: not ours to judge
        }
    }

    private static string EscapeGlob(string text) =>
        string.Concat(text.Select(c => c is '*' or '?' or '[' or ']' or '\\' ? $"\\{c}" : c.ToString()));

    // StackExchange.Redis appends advice about abortConnect that does not apply here (the retries are ours).
    private static string FirstLine(string? text)
    {
        var line = (text ?? "no answer").Split('\n')[0];
        var advice = line.IndexOf(" To allow this multiplexer", StringComparison.Ordinal);
        return (advice > 0 ? line[..advice] : line).TrimEnd('.', ' ', '\r');
    }
}
