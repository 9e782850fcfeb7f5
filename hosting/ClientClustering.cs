// How an Orleans client (the CLI's) finds the gateways: a local silo (localhost clustering), the membership table of
// a PostgreSQL store (several machines, `--postgres`) or of Redis (`--redis`), or a fixed list of gateways
// (`--gateway host:port,...`).
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using SweepCluster.Store.Dialects;

namespace SweepCluster.Hosting;

public static class ClientClustering
{
    /// <summary>Connection attempts to Redis in the preflight check before the client gives up.</summary>
    public const int RedisConnectAttempts = 3;

    /// <summary>Before connecting: with <c>--postgres</c> or <c>--redis</c>, the membership store must answer and list a
    /// gateway of the cluster id.</summary>
    /// <exception cref="ClusterStartupException">It does not; the message names the flag to change.</exception>
    /// <exception cref="ClusterTargetException">A connection flag is malformed.</exception>
    /// <exception cref="SweepCluster.Store.StoreException">The PostgreSQL store cannot be read (unreachable, refused credentials).</exception>
    public static Task CheckAsync(ClusterTarget target, CancellationToken cancellation)
    {
        if (target.Postgres is not null) return ClusterPreflight.CheckClientAsync(target.Postgres, target.ClusterId, cancellation);
        if (target.Redis is null) return Task.CompletedTask;
        Guard(() => RedisHosting.Configuration(target.Redis));
        return ClusterPreflight.CheckClientAsync(target.Redis, target.ClusterId, target.ServiceId, RedisConnectAttempts, cancellation);
    }

    /// <summary>Configures the client's clustering for <paramref name="target"/>.</summary>
    /// <exception cref="ClusterTargetException">A <c>--gateway</c> entry is not host:port, or <c>--redis</c> is malformed.</exception>
    public static IClientBuilder UseClustering(this IClientBuilder client, ClusterTarget target)
    {
        if (target.Postgres is not null)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresConnectionStrings.Invariant;
                o.ConnectionString = PostgresConnectionStrings.For(target.Postgres, PostgresHosting.MembershipApplicationName);
            });
            return client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = target.ClusterId;
                o.ServiceId = target.ServiceId;
            });
        }
        if (target.Redis is not null)
        {
            var configuration = Guard(() => RedisHosting.Configuration(target.Redis));
            client.UseRedisClustering(o => o.ConfigurationOptions = configuration);
            return client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = target.ClusterId;
                o.ServiceId = target.ServiceId;
            });
        }
        if (target.Gateways is { Count: > 0 } gateways)
        {
            client.UseStaticClustering(gateways.Select(ParseEndpoint).ToArray());
            return client.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = target.ClusterId;
                o.ServiceId = target.ServiceId;
            });
        }
        return client.UseLocalhostClustering(target.GatewayPort, target.ServiceId, target.ClusterId);
    }

    /// <summary>host:port, where host is an IP address or a name resolved now (Orleans needs addresses).</summary>
    /// <exception cref="ClusterTargetException">It is not.</exception>
    public static IPEndPoint ParseEndpoint(string text) => Guard(() => ParseEndpointOrThrow(text));

    private static T Guard<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException error)
        {
            throw new ClusterTargetException(error.Message, error);
        }
    }

    private static IPEndPoint ParseEndpointOrThrow(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], out var port) || port is <= 0 or > ushort.MaxValue)
            throw new ArgumentException($"--gateway '{text}' is not host:port (e.g. 192.0.2.10:30000)");
        var host = text[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var address)) return new IPEndPoint(address, port);
        try
        {
            var resolved = Dns.GetHostAddresses(host).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? Dns.GetHostAddresses(host).First();
            return new IPEndPoint(resolved, port);
        }
        catch (Exception error) when (error is SocketException or InvalidOperationException)
        {
            throw new ArgumentException($"--gateway '{text}': cannot resolve host '{host}': {error.Message}", error);
        }
    }
}

/// <summary>A connection flag (<c>--gateway</c>, <c>--redis</c>) is malformed: refused input, nothing was contacted.</summary>
public sealed class ClusterTargetException(string message, Exception? inner) : Exception(message, inner);
