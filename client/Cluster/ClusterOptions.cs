// How the CLI reaches a running cluster. One place for the connection flags so every command takes the same ones.
using System.CommandLine;
using SweepCluster.Hosting;

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

    // ---- several machines (issue 5) ----

    /// <summary>Environment variables that give the connection flags their defaults (as the silo reads them).</summary>
    public const string RedisVariable = "SweepCluster__Redis", GatewaysVariable = "SweepCluster__Gateways",
        ClusterIdVariable = "SweepCluster__ClusterId", ServiceIdVariable = "SweepCluster__ServiceId";

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
        command.Options.Add(Redis);
        command.Options.Add(Gateways);
        command.Options.Add(GatewayPort);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
    }

    public static ClusterTarget From(ParseResult parse) =>
        new(parse.GetValue(GatewayPort), parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!,
            NonEmpty(parse.GetValue(Redis)), (parse.GetValue(Gateways) ?? []).SelectMany(SplitList).ToArray());
}
