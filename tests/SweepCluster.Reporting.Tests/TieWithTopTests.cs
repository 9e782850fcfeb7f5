// The rule that marks combinations statistically tied with the top one: Welch's t-test at 5 %, checked against numbers
// worked by hand (and by scipy.stats.ttest_ind(equal_var=False) for the first case).
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class TieWithTopTests
{
    [Fact]
    public void ANoisyRunnerUpIsTiedWithTheTop()
    {
        // top 0.90, 0.91, 0.92; runner-up 0.80, 0.85, 0.90: t = 0.06 / 0.02944 = 2.04, df 2.16 → 2, critical 4.30 (p ≈ 0.17)
        var top = MetricStatistics.Of([0.90, 0.91, 0.92]);
        var runnerUp = MetricStatistics.Of([0.80, 0.85, 0.90]);

        Assert.Equal(VersusTop.Tied, TieWithTop.Compare(top, runnerUp));
    }

    [Fact]
    public void AClearlyWorseCombinationIsNotTied()
    {
        // equal spread 0.01 and n = 3: t = 0.05 / 0.008165 = 6.1 with 4 degrees of freedom, critical 2.78
        Assert.Equal(VersusTop.Worse, TieWithTop.Compare(MetricStatistics.Of([0.89, 0.90, 0.91]), MetricStatistics.Of([0.84, 0.85, 0.86])));
    }

    [Fact]
    public void ACloseCombinationWithEqualSpreadIsTied()
    {
        // t = 0.01 / 0.008165 = 1.22 with 4 degrees of freedom, under 2.78
        Assert.Equal(VersusTop.Tied, TieWithTop.Compare(MetricStatistics.Of([0.89, 0.90, 0.91]), MetricStatistics.Of([0.88, 0.89, 0.90])));
    }

    [Fact]
    public void OneSeedOnEitherSideIsNotTested()
    {
        Assert.Equal(VersusTop.NotTested, TieWithTop.Compare(MetricStatistics.Of([0.9]), MetricStatistics.Of([0.8, 0.85])));
        Assert.Equal(VersusTop.NotTested, TieWithTop.Compare(MetricStatistics.Of([0.9, 0.91]), MetricStatistics.Of([0.8])));
        Assert.Equal(VersusTop.NotTested, TieWithTop.Compare(MetricStatistics.Of([0.9, 0.91]), null));
    }

    [Fact]
    public void SeedsThatAgreeExactlyAreTiedOnlyOnEqualMeans()
    {
        Assert.Equal(VersusTop.Tied, TieWithTop.Compare(MetricStatistics.Of([0.5, 0.5]), MetricStatistics.Of([0.5, 0.5])));
        Assert.Equal(VersusTop.Worse, TieWithTop.Compare(MetricStatistics.Of([0.5, 0.5]), MetricStatistics.Of([0.4, 0.4])));
    }

    [Theory]
    [InlineData(1e-4, 3, 1e-4, 3, 4)]     // equal variances and sizes: n₁ + n₂ − 2
    [InlineData(3.3333e-5, 3, 8.3333e-4, 3, 2)] // 2.16 rounded down
    [InlineData(1.0, 2, 0.0, 5, 1)]       // all the variance on a side with 2 seeds: its n − 1
    public void WelchDegreesOfFreedomAreRoundedDown(double variance1, int n1, double variance2, int n2, int expected) =>
        Assert.Equal(expected, TieWithTop.WelchDegreesOfFreedom(variance1, n1, variance2, n2));

    [Fact]
    public void TheRankingMarksTheTopTiesAndTheRest()
    {
        var report = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification)
            .Completed("top", 0.90, 0.91, 0.92)
            .Completed("noisy", 0.80, 0.85, 0.90)
            .Completed("worse", 0.70, 0.71, 0.72)
            .Completed("single", 0.60)
            .Build());

        Assert.Equal([VersusTop.Top, VersusTop.Tied, VersusTop.Worse, VersusTop.NotTested], report.Ranking.Select(r => r.VersusTop));
    }
}
