using System.Collections.Concurrent;
using SweepCluster.Engine.Kernels;

namespace SweepCluster.Engine.Tests.Kernels;

public sealed class GemmExactnessTests
{
    public enum Layout { NN, TN, NT }

    // (m, k, n): corner cases, primes that leave edges in every blocking dimension, depth beyond one k-block,
    // skinny outputs with and without leftover rows, a B big enough to be packed (several k- and n-blocks),
    // and the MLP training shapes (fashion-mnist 784-256-128-10 at batch 128, digits 64-32-10 at batch 32).
    private static readonly (int M, int K, int N)[] Shapes =
    [
        (1, 1, 1), (1, 7, 1), (2, 3, 4), (7, 13, 5), (8, 1, 32), (9, 2, 33), (33, 65, 17), (17, 300, 45), (6, 257, 16),
        (130, 520, 70), (48, 20, 7), (40, 9, 45), (20, 600, 1100),
        (128, 784, 256), (128, 256, 128), (128, 128, 10),
        (784, 128, 256), (256, 128, 128),
        (128, 128, 256), (128, 10, 128),
        (32, 64, 32), (32, 32, 10), (64, 32, 32), (32, 10, 32),
    ];

    // Naive results are expensive for the big shapes; compute each case once and share it between tests.
    private static readonly ConcurrentDictionary<(Layout, int, int, int, bool), Case> Cases = new();

    private sealed record Case(float[] A, float[] B, float[] C0, float[] Expected);

    public static TheoryData<Layout, int, int, int, bool> AllShapes()
    {
        var data = new TheoryData<Layout, int, int, int, bool>();
        foreach (var layout in Enum.GetValues<Layout>())
        {
            foreach (var (m, k, n) in Shapes)
            {
                data.Add(layout, m, k, n, false);
                data.Add(layout, m, k, n, true);
            }
        }
        return data;
    }

    public static TheoryData<int, int> PathsAndPolicies()
    {
        var data = new TheoryData<int, int>();
        foreach (var path in Enum.GetValues<GemmPath>())
        {
            foreach (var policy in Enum.GetValues<GemmPackingPolicy>()) data.Add((int)path, (int)policy);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllShapes))]
    public void PublicApiMatchesNaiveBitForBit(Layout layout, int m, int k, int n, bool accumulate)
    {
        var (a, b, c0, expected) = GetCase(layout, m, k, n, accumulate);
        var actual = (float[])c0.Clone();
        switch (layout)
        {
            case Layout.NN: Gemm.MultiplyNN(a, b, actual, m, k, n, accumulate); break;
            case Layout.TN: Gemm.MultiplyTN(a, b, actual, m, k, n, accumulate); break;
            default: Gemm.MultiplyNT(a, b, actual, m, k, n, accumulate); break;
        }
        AssertSameBits(expected, actual);
    }

    [Theory]
    [MemberData(nameof(PathsAndPolicies))]
    public void EveryPathAndPackingPolicyMatchesNaiveBitForBit(int pathValue, int policyValue)
    {
        var path = (GemmPath)pathValue;
        var policy = (GemmPackingPolicy)policyValue;
        if (!GemmPaths.IsSupported(path))
        {
            Assert.Throws<PlatformNotSupportedException>(() => Run(Layout.NN, new float[1], new float[1], new float[1], 1, 1, 1, false, path, policy));
            return;
        }
        foreach (var layout in Enum.GetValues<Layout>())
        {
            foreach (var (m, k, n) in Shapes)
            {
                foreach (var accumulate in new[] { false, true })
                {
                    var (a, b, c0, expected) = GetCase(layout, m, k, n, accumulate);
                    var actual = (float[])c0.Clone();
                    Run(layout, a, b, actual, m, k, n, accumulate, path, policy);
                    AssertSameBits(expected, actual);
                }
            }
        }
    }

    [Fact]
    public void ZeroDimensionsAreHandled()
    {
        var c = new float[] { 1f, 2f, 3f, 4f, 5f, 6f };
        Gemm.MultiplyNN([], [], c, 2, 0, 3, accumulate: true);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], c);
        Gemm.MultiplyTN([], [], c, 2, 0, 3);
        Assert.All(c, v => Assert.Equal(0f, v));
        Gemm.MultiplyNT([], new float[5], [], 0, 5, 0);
        Gemm.MultiplyNN(new float[6], [], [], 3, 2, 0);
    }

    [Fact]
    public void SignedZeroAndSpecialValuesFollowTheChain()
    {
        // fma(-1, +0, +0) is +0 while -1 · +0 alone is -0: the chain starts at +0f, not at the first product.
        float[] a = [-1f, 2f, float.PositiveInfinity, 1e-30f];
        float[] b = [0f, 3f, 1f, 1e-30f];
        var expected = new float[4];
        var actual = new float[4];
        GemmNaive.MultiplyNN(a, b, expected, 2, 2, 2);
        Gemm.MultiplyNN(a, b, actual, 2, 2, 2);
        AssertSameBits(expected, actual);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        var ok = new float[6];
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.MultiplyNN(ok, ok, ok, -1, 2, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.MultiplyTN(ok, ok, ok, 2, -1, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmNaive.MultiplyNT(ok, ok, ok, 2, 3, -1));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyNN(new float[5], ok, ok, 2, 3, 2));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyNN(ok, new float[5], ok, 2, 3, 2));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyNN(ok, ok, new float[3], 2, 3, 2));
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyNN(ok, new float[6], ok, 2, 3, 2)); // c aliases a
    }

    private static void Run(Layout layout, float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate, GemmPath path, GemmPackingPolicy policy)
    {
        switch (layout)
        {
            case Layout.NN: Gemm.MultiplyNN(a, b, c, m, k, n, accumulate, path, policy); break;
            case Layout.TN: Gemm.MultiplyTN(a, b, c, m, k, n, accumulate, path, policy); break;
            default: Gemm.MultiplyNT(a, b, c, m, k, n, accumulate, path, policy); break;
        }
    }

    private static void Naive(Layout layout, float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate)
    {
        switch (layout)
        {
            case Layout.NN: GemmNaive.MultiplyNN(a, b, c, m, k, n, accumulate); break;
            case Layout.TN: GemmNaive.MultiplyTN(a, b, c, m, k, n, accumulate); break;
            default: GemmNaive.MultiplyNT(a, b, c, m, k, n, accumulate); break;
        }
    }

    private static Case GetCase(Layout layout, int m, int k, int n, bool accumulate) =>
        Cases.GetOrAdd((layout, m, k, n, accumulate), key =>
        {
            var (a, b, c0) = Inputs(m, k, n, seed: (ulong)(m * 1_000_003 + k * 1009 + n * 7 + (int)layout * 2 + (accumulate ? 1 : 0)));
            var expected = (float[])c0.Clone();
            Naive(layout, a, b, expected, m, k, n, accumulate);
            return new Case(a, b, c0, expected);
        });

    // Values with full 24-bit mantissas and mixed signs/magnitudes, so any change of rounding order shows up.
    private static (float[] A, float[] B, float[] C) Inputs(int m, int k, int n, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        float Next() => (float)(rng.NextGaussian() * Math.Pow(2, rng.NextInt(9) - 4));
        var a = new float[m * k];
        var b = new float[k * n];
        var c = new float[m * n];
        for (var i = 0; i < a.Length; i++) a[i] = Next();
        for (var i = 0; i < b.Length; i++) b[i] = Next();
        for (var i = 0; i < c.Length; i++) c[i] = Next();
        return (a, b, c);
    }

    private static void AssertSameBits(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            var e = BitConverter.SingleToInt32Bits(expected[i]);
            var x = BitConverter.SingleToInt32Bits(actual[i]);
            if (e != x) Assert.Fail($"element {i}: expected {expected[i]:R} (0x{e:X8}) but got {actual[i]:R} (0x{x:X8})");
        }
    }
}
