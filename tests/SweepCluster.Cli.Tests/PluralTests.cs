using SweepCluster.Core;

namespace SweepCluster.Cli.Tests;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 trials")]
    [InlineData(1, "1 trial")]
    [InlineData(2, "2 trials")]
    [InlineData(100000, "100,000 trials")]
    public void Counts_agree_with_their_noun(long count, string expected) => Assert.Equal(expected, Plural.Of(count, "trial"));
}
