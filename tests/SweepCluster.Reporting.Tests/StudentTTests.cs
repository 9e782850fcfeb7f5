// Student-t quantiles against published table values (to the table's 6 decimals) and CDF sanity checks.

namespace SweepCluster.Reporting.Tests;

public sealed class StudentTTests
{
    private const double TableTolerance = 5e-7;

    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(2, 4.302653)]
    [InlineData(3, 3.182446)]
    [InlineData(4, 2.776445)]
    [InlineData(5, 2.570582)]
    [InlineData(9, 2.262157)]
    [InlineData(10, 2.228139)]
    [InlineData(29, 2.045230)]
    [InlineData(30, 2.042272)]
    [InlineData(100, 1.983972)]
    [InlineData(1000, 1.962339)]
    public void Quantile975MatchesTheTable(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), TableTolerance);

    [Theory]
    [InlineData(0.95, 1, 6.313752)]
    [InlineData(0.995, 4, 4.604095)]
    public void OtherLevelsMatchTheTable(double probability, int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(probability, degreesOfFreedom), TableTolerance);

    [Fact]
    public void CdfIsZeroAtZeroAndOneAtInfinity()
    {
        Assert.Equal(0.0, StudentT.TwoSidedCdf(0, 7));
        Assert.Equal(1.0, StudentT.TwoSidedCdf(double.PositiveInfinity, 7));
        Assert.Equal(0.5, StudentT.TwoSidedCdf(1.0, 1), 1e-15); // Cauchy: P(|T| ≤ 1) = 1/2
    }

    [Fact]
    public void RejectsOutOfRangeArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(0.975, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(1.0, 3));
    }
}
