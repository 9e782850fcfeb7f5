// Durations as people read them, from milliseconds (fast trials) to hours.
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Tests;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(0.0384, "38 ms")]
    [InlineData(0.0996, "100 ms")]
    [InlineData(0.1, "0.1 s")]
    [InlineData(42.0, "42.0 s")]
    [InlineData(185.0, "3 min 05 s")]
    [InlineData(3720.0, "1 h 02 min")]
    public void DurationsKeepTheirSizeReadable(double seconds, string expected) => Assert.Equal(expected, ReportText.Duration(seconds));
}
