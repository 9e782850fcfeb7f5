using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests;

public sealed class TrainNumbersTests
{
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(0.91234, "0.9123")]
    [InlineData(12.3456, "12.35")]
    [InlineData(1.5, "1.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0009055, "9.055e-04")]
    [InlineData(5e-06, "5e-06")]
    [InlineData(-0.25, "-0.25")]
    [InlineData(2500000.0, "2.5e+06")]
    public void Numbers_have_at_most_four_significant_digits_and_small_ones_are_scientific(double value, string expected) =>
        Assert.Equal(expected, TrainNumbers.Format(value));

    [Fact]
    public void A_missing_value_is_a_dash() => Assert.Equal("-", TrainNumbers.Format((double?)null));
}
