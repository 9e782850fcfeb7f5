// How the CLI reaches a running cluster. One place for the connection flags so every command takes the same ones.
using System.CommandLine;
using SweepCluster.Grains.Hosting;

namespace SweepCluster.Cli.Cluster;

/// <summary>Where the cluster's gateway is and which cluster to join.</summary>
public sealed record ClusterTarget(int GatewayPort, string ClusterId, string ServiceId);

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
        DefaultValueFactory = _ => new SweepSiloOptions().ClusterId,
    };

    public static readonly Option<string> ServiceId = new("--service-id")
    {
        Description = "The service id the silos were started with.",
        DefaultValueFactory = _ => new SweepSiloOptions().ServiceId,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(GatewayPort);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
    }

    public static ClusterTarget From(ParseResult parse) =>
        new(parse.GetValue(GatewayPort), parse.GetValue(ClusterId)!, parse.GetValue(ServiceId)!);
}
