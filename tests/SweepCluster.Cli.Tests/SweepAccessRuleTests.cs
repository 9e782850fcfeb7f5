// Which way a sweep command goes: an explicit store, a named cluster, this machine's silo, or the store it left.
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests;

public sealed class SweepAccessRuleTests
{
    private static readonly StoreChoice DefaultStore = new("sweeps/sweepcluster.db", Explicit: false);
    private static readonly StoreChoice NamedStore = new("other.db");
    private const bool Local = false, Remote = true;

    [Theory]
    [InlineData(true, true, SweepAccessKind.Cluster)] // this machine's silo serves the store: ask it
    [InlineData(true, false, SweepAccessKind.Cluster)]
    [InlineData(false, true, SweepAccessKind.EmbeddedStore)] // no silo: the store the last one left
    [InlineData(false, false, SweepAccessKind.Cluster)] // neither: the connection's error names both
    public void Without_flags_a_local_silo_comes_first_then_the_default_store(bool localSiloAnswers, bool storeExists, SweepAccessKind expected) =>
        Assert.Equal(expected, SweepAccessRule.Choose(DefaultStore, Local, localSiloAnswers, storeExists));

    [Fact]
    public void An_explicit_store_is_opened_even_when_a_local_silo_answers() =>
        Assert.Equal(SweepAccessKind.EmbeddedStore, SweepAccessRule.Choose(NamedStore, Local, localSiloAnswers: true, storeExists: true));

    [Fact]
    public void A_named_cluster_is_reached_whatever_store_lies_here() =>
        Assert.Equal(SweepAccessKind.Cluster, SweepAccessRule.Choose(DefaultStore, Remote, localSiloAnswers: false, storeExists: true));

    [Fact]
    public void A_store_and_a_remote_cluster_together_are_refused_naming_both_flags()
    {
        var error = Assert.Throws<InvalidFlagException>(() => SweepAccessRule.Choose(NamedStore, Remote, false, true));
        Assert.Contains("--store", error.Message);
        Assert.Contains("--gateway", error.Message);
    }
}
