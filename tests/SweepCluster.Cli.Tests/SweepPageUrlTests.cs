// `sweep watch ID --open` prints the sweep's live page: the default web host, or the one --http-url names.
using SweepCluster.Cli.Cluster;

namespace SweepCluster.Cli.Tests;

public sealed class SweepPageUrlTests
{
    [Fact]
    public void DefaultsToTheLoopbackWebHost() =>
        Assert.Equal("http://127.0.0.1:8080/sweeps/20261126-172600-3fa2", SweepPageUrl.For(SweepPageUrl.DefaultBase, "20261126-172600-3fa2").AbsoluteUri);

    [Theory]
    [InlineData("http://localhost:9000", "http://localhost:9000/sweeps/s1")]
    [InlineData("http://localhost:9000/cluster-a", "http://localhost:9000/cluster-a/sweeps/s1")]
    [InlineData("http://localhost:9000/cluster-a/", "http://localhost:9000/cluster-a/sweeps/s1")]
    public void KeepsTheGivenHostAndPath(string webBase, string expected) =>
        Assert.Equal(expected, SweepPageUrl.For(new Uri(webBase), "s1").AbsoluteUri);
}
