// The Sobol sequence: the unscrambled points against the published first points (Joe–Kuo direction numbers, Gray-code
// order, as SciPy's Sobol(scramble=False) prints them), and the scrambled sequence's guarantees: in [0, 1)^d, every
// power-of-two prefix balanced in each coordinate and as a (0, m, 2)-net in the first two, fixed by its seed.
using SweepCluster.Engine;
using SweepCluster.Tuning.Search.Tpe;

namespace SweepCluster.Tuning.Tests.Search.Tpe;

public sealed class SobolSequenceTests
{
    [Fact]
    public void UnscrambledFirstPointsAreThePublishedOnes()
    {
        double[][] published =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var sobol = SobolSequence.Unscrambled(3);
        for (var i = 0; i < published.Length; i++) Assert.Equal(published[i], sobol.Point(i));
    }

    [Fact]
    public void TheTableCoversARealisticSpec() => Assert.True(SobolSequence.MaxDimensions >= 32);

    [Fact]
    public void ScrambledPointsStayInTheUnitCubeAndEveryPowerOfTwoPrefixIsBalanced()
    {
        var sobol = SobolSequence.Scrambled(SobolSequence.MaxDimensions, DeterministicRandom.ForStream(5, 1));
        const int Exponent = 8;
        var points = Enumerable.Range(0, 1 << Exponent).Select(i => sobol.Point(i)).ToArray();
        Assert.All(points, point => Assert.All(point, x => Assert.InRange(x, 0.0, Math.BitDecrement(1.0))));
        for (var k = 1; k <= Exponent; k++)
        {
            var n = 1 << k;
            for (var d = 0; d < sobol.Dimensions; d++)
            {
                var strata = points.Take(n).Select(p => (int)(p[d] * n)).Order().ToArray();
                Assert.Equal(Enumerable.Range(0, n), strata);
            }
        }
    }

    [Fact]
    public void ScrambledFirstTwoCoordinatesFormANet()
    {
        var sobol = SobolSequence.Scrambled(2, DeterministicRandom.ForStream(9, 1));
        const int Exponent = 6;
        var points = Enumerable.Range(0, 1 << Exponent).Select(i => sobol.Point(i)).ToArray();
        for (var rows = 0; rows <= Exponent; rows++)
        {
            // Boxes of 2^-rows by 2^-(Exponent - rows): each holds exactly one point.
            var boxes = points.Select(p => ((int)(p[0] * (1 << rows)), (int)(p[1] * (1 << (Exponent - rows))))).Distinct().Count();
            Assert.Equal(1 << Exponent, boxes);
        }
    }

    [Fact]
    public void TheSeedFixesTheScramble()
    {
        double[] At(long seed) => SobolSequence.Scrambled(4, DeterministicRandom.ForStream(seed, 1)).Point(3);
        Assert.Equal(At(1), At(1));
        Assert.NotEqual(At(1), At(2));
    }
}
