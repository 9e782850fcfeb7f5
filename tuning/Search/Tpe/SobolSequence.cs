// The Sobol sequence in base 2, scrambled or not: point i (Gray-code order, as Joe and Kuo's and SciPy's generators
// number them) is the XOR of the direction integers selected by the bits of gray(i) = i ⊕ (i >> 1). Scrambling is
// SciPy's kind: a random lower-triangular binary matrix per dimension multiplies the direction integers (linear
// matrix scrambling) and a random digital shift is XORed onto every point; both keep each power-of-two prefix a
// (t, m, s)-net, so 2^k points still fill every 1/2^k stratum of each coordinate exactly once. Points are random
// access (no state between calls). It does not map points onto a search space (SobolSpaceDraws does).
using SweepCluster.Engine;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>A (possibly scrambled) Sobol sequence over the dimensions Joe and Kuo's table covers.</summary>
internal sealed class SobolSequence
{
    /// <summary>2^-32: a 32-bit coordinate as a number in [0, 1).</summary>
    private const double UnitPerInteger = 1.0 / (1UL << SobolDirectionNumbers.Bits);

    private readonly uint[][] _directions;
    private readonly uint[] _shifts;

    private SobolSequence(uint[][] directions, uint[] shifts)
    {
        _directions = directions;
        _shifts = shifts;
    }

    /// <summary>The most dimensions a point can have.</summary>
    public static int MaxDimensions => SobolDirectionNumbers.Dimensions;

    /// <summary>The plain sequence (its first point is the origin).</summary>
    public static SobolSequence Unscrambled(int dimensions)
    {
        CheckDimensions(dimensions);
        return new(Enumerable.Range(0, dimensions).Select(d => SobolDirectionNumbers.Of(d).ToArray()).ToArray(), new uint[dimensions]);
    }

    /// <summary>The sequence scrambled by linear matrix scrambling and a digital shift drawn from <paramref name="random"/>.</summary>
    public static SobolSequence Scrambled(int dimensions, DeterministicRandom random)
    {
        CheckDimensions(dimensions);
        var directions = new uint[dimensions][];
        var shifts = new uint[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var rows = RandomLowerTriangular(random);
            directions[d] = SobolDirectionNumbers.Of(d).ToArray().Select(column => Multiply(rows, column)).ToArray();
            shifts[d] = (uint)(random.NextUInt64() >> 32);
        }
        return new(directions, shifts);
    }

    /// <summary>The number of coordinates of a point.</summary>
    public int Dimensions => _directions.Length;

    /// <summary>Point <paramref name="index"/> (0 ≤ index &lt; 2^32), each coordinate in [0, 1).</summary>
    public double[] Point(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, uint.MaxValue);
        var gray = (uint)index ^ ((uint)index >> 1);
        var point = new double[Dimensions];
        for (var d = 0; d < Dimensions; d++)
        {
            var x = _shifts[d];
            for (var (c, bits) = (0, gray); bits != 0; c++, bits >>= 1)
            {
                if ((bits & 1) != 0) x ^= _directions[d][c];
            }
            point[d] = x * UnitPerInteger;
        }
        return point;
    }

    private static void CheckDimensions(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
    }

    /// <summary>Row r (digit r + 1, bit 31 − r) of a random lower-triangular binary matrix with a unit diagonal: its own
    /// bit set, random bits for the more significant digits, none for the less significant ones.</summary>
    private static uint[] RandomLowerTriangular(DeterministicRandom random)
    {
        var rows = new uint[SobolDirectionNumbers.Bits];
        for (var r = 0; r < rows.Length; r++)
        {
            var own = 1u << (SobolDirectionNumbers.Bits - 1 - r);
            var moreSignificant = ~(own | (own - 1));
            rows[r] = own | ((uint)(random.NextUInt64() >> 32) & moreSignificant);
        }
        return rows;
    }

    /// <summary>The matrix (as rows) times a column of binary digits, over GF(2).</summary>
    private static uint Multiply(uint[] rows, uint column)
    {
        var result = 0u;
        for (var r = 0; r < rows.Length; r++)
        {
            if ((System.Numerics.BitOperations.PopCount(rows[r] & column) & 1) == 1) result |= 1u << (SobolDirectionNumbers.Bits - 1 - r);
        }
        return result;
    }
}
