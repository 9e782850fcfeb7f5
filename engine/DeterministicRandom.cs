// A seedable xoshiro256** generator whose whole state can be saved and restored.
// Deliberately not System.Random: its seeded algorithm is not a documented contract and its state cannot be
// checkpointed, while trials must replay bit for bit in any process.
namespace SweepCluster.Engine;

/// <summary>xoshiro256** (Blackman and Vigna), seeded through SplitMix64.</summary>
public sealed class DeterministicRandom
{
    private const double Unit53 = 1.0 / (1UL << 53);
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(ulong seed)
    {
        var sm = seed;
        _s0 = SplitMix64(ref sm);
        _s1 = SplitMix64(ref sm);
        _s2 = SplitMix64(ref sm);
        _s3 = SplitMix64(ref sm);
    }

    private DeterministicRandom(ulong[] state)
    {
        if (state.Length != 4) throw new ArgumentException("xoshiro256** state has exactly 4 words.", nameof(state));
        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>Derives an independent stream, e.g. one for initialisation and one for shuffling.</summary>
    public static DeterministicRandom ForStream(long seed, ulong stream) =>
        new(unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (stream + 0x632BE59BD9B4E019UL)));

    public static DeterministicRandom FromState(IReadOnlyList<ulong> state) => new(state.ToArray());

    public ulong[] SaveState() => [_s0, _s1, _s2, _s3];

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * Unit53;

    /// <summary>Uniform integer in [0, exclusiveMax), without modulo bias (rejection sampling).</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exclusiveMax);
        var bound = (ulong)exclusiveMax;
        var limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong draw;
        do draw = NextUInt64(); while (draw >= limit);
        return (int)(draw % bound);
    }

    /// <summary>Standard normal through the Box–Muller transform (one value per call, no cached spare).</summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
