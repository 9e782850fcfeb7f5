// How the CLI reaches a running cluster. One place for the connection flags so every command takes the same ones:
// `--postgres` (the gateways of a PostgreSQL cluster, found in its membership table; the connection string from the
// environment or a file, never the command line), `--redis`, `--gateway`, or a local silo; and the cluster TLS
// certificates (ClusterTlsFlags).
using System.CommandLine;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cli.Cluster;

public static class ClusterOptions
{
    public static readonly Option<int> GatewayPort = new("--gateway-port")
    {
        Description = "Gateway port of a local silo.",
        DefaultValueFactory = _ => SweepSiloOptions.DefaultGatewayPort,
    };

    public static readonly Option<string> ClusterId = new("--cluster-id")
    {
        Description = "The cluster id the silos were started with.",
        DefaultValueFactory = _ => NonEmpty(Environment.GetEnvironmentVariable(ClusterIdVariable)) ?? new SweepSiloOptions().ClusterId,
    };

    public static readonly Option<string> ServiceId = new("--service-id")
    {
        Description = "The service id the silos were started with.",
        DefaultValueFactory = _ => NonEmpty(Environment.GetEnvironmentVariable(ServiceIdVariable)) ?? new SweepSiloOptions().ServiceId,
    };

    // ---- several machines ----

    /// <summary>Environment variables that give the connection flags their defaults (as the silo reads them).</summary>
    public const string RedisVariable = "SweepCluster__Redis", GatewaysVariable = "SweepCluster__Gateways",
        ClusterIdVariable = "SweepCluster__ClusterId", ServiceIdVariable = "SweepCluster__ServiceId";

    /// <summary>The silos' own variable: <c>SweepCluster__Clustering=Postgres</c> makes <c>--postgres</c> the default.</summary>
    public const string ClusteringVariable = "SweepCluster__Clustering";

    public static readonly Option<bool> Postgres = new("--postgres")
    {
        Description = $"Find the gateways in the membership table of a PostgreSQL cluster: the Npgsql connection string comes from " +
                      $"${StoreSelection.ConnectionVariable} or --store-connection-file, never from the command line. " +
                      $"Default: on when ${ClusteringVariable} is Postgres.",
        DefaultValueFactory = _ => string.Equals(NonEmpty(Environment.GetEnvironmentVariable(ClusteringVariable)), nameof(ClusteringKind.Postgres),
            StringComparison.OrdinalIgnoreCase),
    };

    public static readonly Option<string> ConnectionFile = new("--store-connection-file")
    {
        Description = "With --postgres or --store postgres: a file holding the Npgsql connection string.",
    };

    public static readonly Option<string?> Redis = new("--redis")
    {
        Description = $"Redis connection string (host:port) of a multi-machine cluster: the gateways are found in its membership table. Default: ${RedisVariable}.",
        DefaultValueFactory = _ => NonEmpty(Environment.GetEnvironmentVariable(RedisVariable)),
    };

    public static readonly Option<string[]> Gateways = new("--gateway")
    {
        Description = $"Gateway endpoint(s) host:port of a remote cluster, comma-separated or repeated (instead of --redis). Default: ${GatewaysVariable}.",
        DefaultValueFactory = _ => SplitList(Environment.GetEnvironmentVariable(GatewaysVariable)),
        AllowMultipleArgumentsPerToken = false,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string[] SplitList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // ---- end of several machines ----

    public static void AddTo(Command command)
    {
        command.Options.Add(Postgres);
        command.Options.Add(ConnectionFile);
        command.Options.Add(Redis);
        command.Options.Add(Gateways);
        command.Options.Add(GatewayPort);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
        TimeoutOptions.AddTo(command);
        ClusterTlsFlags.AddTo(command);
    }

    /// <summary>Whether the flags (or their environment variables) name a cluster elsewhere, not this machine's silo.</summary>
    public static bool NamesRemoteCluster(ParseResult parse) =>
        parse.GetValue(Postgres) || NonEmpty(parse.GetValue(Redis)) is not null || (parse.GetValue(Gateways) ?? []).SelectMany(SplitList).Any();

    /// <exception cref="ClusterTargetException">The PostgreSQL connection string is missing or malformed, --redis was
    /// given a password on the command line, or a TLS certificate file is missing or unusable.</exception>
    public static ClusterTarget From(ParseResult parse)
    {
        if (parse.GetResult(Redis) is { Implicit: false } && NonEmpty(parse.GetValue(Redis)) is { } redis)
        {
            try
            {
                CommandLineSecrets.RefuseRedisPassword(redis);
            }
            catch (ArgumentException refusal)
            {
                throw new ClusterTargetException(refusal.Message, null);
            }
        }
        return new(parse.GetValue(GatewayPort), parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!,
            NonEmpty(parse.GetValue(Redis)), (parse.GetValue(Gateways) ?? []).SelectMany(SplitList).ToArray())
        {
            Postgres = PostgresTarget(parse.GetValue(Postgres), NonEmpty(parse.GetValue(ConnectionFile)), Environment.GetEnvironmentVariable),
            Tls = ClusterTlsFlags.Load(ClusterTlsFlags.From(parse, Environment.GetEnvironmentVariable)),
        };
    }

    /// <summary>The PostgreSQL store whose membership table lists the gateways; null without <c>--postgres</c>.</summary>
    /// <exception cref="ClusterTargetException">No connection string, an unreadable file, a malformed string, or a
    /// connection file without <c>--postgres</c>; the message names the flag, never the password.</exception>
    public static PostgresStoreLocation? PostgresTarget(bool postgres, string? connectionFile, Func<string, string?> environment)
    {
        if (!postgres)
        {
            return connectionFile is null ? null
                : throw new ClusterTargetException("--store-connection-file is for --postgres (a cluster whose silos run with --clustering postgres)", null);
        }
        try
        {
            return StoreSelection.PostgresLocation(connectionFile, environment, "--postgres");
        }
        catch (ArgumentException error)
        {
            throw new ClusterTargetException(error.Message, error);
        }
    }
}
