// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): a tiny explicit pseudo-random generator, so that a seeded analysis
// gives bit-identical results on every run, runtime and machine. It is not cryptographic and not for simulations that
// need long independent streams.
namespace SweepCluster.Reporting.Analysis;

/// <summary>A 64-bit SplitMix generator: a Weyl sequence scrambled by a fixed mixing function.</summary>
internal struct SplitMix64(ulong seed)
{
    /// <summary>The Weyl sequence increment: 2⁶⁴ divided by the golden ratio, rounded to odd.</summary>
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _state = seed;

    /// <summary>The next 64 uniformly distributed bits.</summary>
    public ulong NextUInt64()
    {
        _state += GoldenGamma;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="count"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextInt(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var range = (ulong)count;
        var threshold = (0UL - range) % range;
        while (true)
        {
            var product = (UInt128)NextUInt64() * range;
            if ((ulong)product >= threshold) return (int)(ulong)(product >> 64);
        }
    }

    /// <summary>A seed for the <paramref name="stream"/>-th independent generator derived from <paramref name="seed"/>.</summary>
    public static ulong Derive(ulong seed, int stream) => Mix(Mix(seed) ^ ((ulong)stream * GoldenGamma));

    /// <summary>SplitMix64's finaliser: a bijection of 64-bit words that spreads every input bit over the output.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
