using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests;

/// <summary>The several-machines connection flags: malformed ones are refused input (exit 2) before anything is contacted.</summary>
public sealed class ClusterFlagTests
{
    private const int InvalidInput = 2;

    [Theory]
    [InlineData("--gateway", "nonsense", "--gateway 'nonsense' is not host:port")]
    [InlineData("--gateway", "127.0.0.1:0", "--gateway '127.0.0.1:0' is not host:port")]
    [InlineData("--redis", ",,,", "--redis ',,,' names no host:port")]
    public void AMalformedConnectionFlagIsRefusedNamingTheFlag(string flag, string value, string expected)
    {
        var (exit, text) = CliRunner.Process("status", "some-sweep", flag, value);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains(expected, text);
    }

    [Fact]
    public void GatewayEndpointsParseIpv4AndIpv6AndRefuseAMissingPort()
    {
        Assert.Equal("192.0.2.10:30000", ClientClustering.ParseEndpoint("192.0.2.10:30000").ToString());
        Assert.Equal("[::1]:30001", ClientClustering.ParseEndpoint("[::1]:30001").ToString());
        Assert.Throws<ClusterTargetException>(() => ClientClustering.ParseEndpoint("192.0.2.10"));
    }
}
