// The standard normal functions against values computed independently (Python's math.erfc and mpmath at 40 digits),
// and the fast tabulated erfc against the reference it is built from.
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Tests.Search.Tpe;

public sealed class StandardNormalTests
{
    [Theory]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1, 0.15729920705028513)]
    [InlineData(2, 0.004677734981047265)]
    [InlineData(3, 2.2090496998585438e-05)]
    [InlineData(5, 1.5374597944280351e-12)]
    [InlineData(10, 2.088487583762545e-45)]
    [InlineData(20, 5.3958656116079005e-176)]
    public void ErfcMatchesReference(double x, double expected) => AssertClose(expected, StandardNormal.Erfc(x), 1e-13);

    [Theory]
    [InlineData(-1.96, 0.024997895148220435)]
    [InlineData(0.3, 0.6179114221889526)]
    [InlineData(2.5, 0.9937903346742238)]
    public void CdfMatchesReference(double z, double expected) => AssertClose(expected, StandardNormal.Cdf(z), 1e-14);

    [Theory]
    [InlineData(-10, -53.231285150512471)]
    [InlineData(-25, -316.63940800802026)]
    [InlineData(-40, -804.60844201375379)]
    public void LogCdfStaysFiniteInTheTail(double z, double expected) => AssertClose(expected, StandardNormal.LogCdf(z), 1e-12);

    [Theory]
    [InlineData(1e-300, -37.047096299361199)]
    [InlineData(0.975, 1.9599639845400539)]
    [InlineData(0.3, -0.52440051270804082)]
    public void InverseCdfMatchesReference(double p, double expected) => AssertClose(expected, StandardNormal.InverseCdf(p), 1e-13);

    [Fact]
    public void LogCdfDifferenceIsAccurateFarOutOnBothSides()
    {
        AssertClose(-454.32124395634325, StandardNormal.LogCdfDifference(-31, -30), 1e-12);
        AssertClose(-454.32124395634325, StandardNormal.LogCdfDifference(30, 31), 1e-12);
    }

    [Fact]
    public void TheTabulatedErfcAgreesWithItsReference()
    {
        for (var x = -6.0; x < 27.5; x += 0.0371) AssertClose(StandardNormal.ErfcReference(x), StandardNormal.Erfc(x), 1e-13);
    }

    private static void AssertClose(double expected, double actual, double relative) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
