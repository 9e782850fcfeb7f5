// Public entry points: argument checks, pinning, and dispatch to the best supported path.
namespace SweepCluster.Engine.Kernels;

/// <summary>
/// Fast, exactly deterministic single-precision matrix products on row-major spans. Every output element equals,
/// bit for bit, the sequential fused chain
/// <c>acc = accumulate ? c[i, j] : 0f; for p = 0 .. k-1: acc = MathF.FusedMultiplyAdd(A[i, p], B[p, j], acc); c[i, j] = acc;</c>
/// (what <see cref="GemmNaive"/> computes), whichever instruction set (AVX-512, AVX2, scalar) runs it.
/// Single-threaded; safe to call from several threads at once (scratch memory is per thread).
/// Spans may be longer than required; only the leading m·k, k·n, m·n elements are used.
/// <c>c</c> must not overlap <c>a</c> or <c>b</c>.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// c (m, n) = a (m, k) · b (k, n), or c += a · b when <paramref name="accumulate"/> (e.g. c pre-filled with the bias).
    /// With k = 0, c is zeroed (or left unchanged when accumulating).
    /// </summary>
    public static void MultiplyNN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false) =>
        MultiplyNN(a, b, c, m, k, n, accumulate, GemmPath.Auto, GemmPackingPolicy.Auto);

    /// <summary>
    /// c (m, n) = aᵀ · b with a stored as (k, m) and b as (k, n), or c += aᵀ · b when <paramref name="accumulate"/>
    /// (the weight gradient xᵀ · dY). With k = 0, c is zeroed (or left unchanged when accumulating).
    /// </summary>
    public static void MultiplyTN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false) =>
        MultiplyTN(a, b, c, m, k, n, accumulate, GemmPath.Auto, GemmPackingPolicy.Auto);

    /// <summary>
    /// c (m, n) = a (m, k) · bᵀ with b stored as (n, k), or c += a · bᵀ when <paramref name="accumulate"/>
    /// (the input gradient dY · Wᵀ). With k = 0, c is zeroed (or left unchanged when accumulating).
    /// </summary>
    public static void MultiplyNT(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false) =>
        MultiplyNT(a, b, c, m, k, n, accumulate, GemmPath.Auto, GemmPackingPolicy.Auto);

    // a: (m, k), b: (k, n), c: (m, n)
    internal static unsafe void MultiplyNN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate,
        GemmPath path, GemmPackingPolicy packing)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Execute(GemmOperands.ForNN(pa, pb, pc, m, k, n), c, m, n, k, accumulate, path, packing);
        }
    }

    // a: (k, m) holding Aᵀ, b: (k, n), c: (m, n)
    internal static unsafe void MultiplyTN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate,
        GemmPath path, GemmPackingPolicy packing)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Execute(GemmOperands.ForTN(pa, pb, pc, m, k, n), c, m, n, k, accumulate, path, packing);
        }
    }

    // a: (m, k), b: (n, k) holding Bᵀ, c: (m, n)
    internal static unsafe void MultiplyNT(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate,
        GemmPath path, GemmPackingPolicy packing)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        fixed (float* pa = a, pb = b, pc = c)
        {
            Execute(GemmOperands.ForNT(pa, pb, pc, m, k, n), c, m, n, k, accumulate, path, packing);
        }
    }

    private static void Execute(in GemmOperands op, Span<float> c, int m, int n, int k, bool accumulate, GemmPath path, GemmPackingPolicy packing)
    {
        var resolved = GemmPaths.Resolve(path);
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (!accumulate) c[..(m * n)].Clear();
            return;
        }

        switch (resolved)
        {
            case GemmPath.Vector512:
                GemmDriver.Run<GemmMicroKernel512>(op, m, n, k, accumulate, packing);
                break;
            case GemmPath.Vector256:
                GemmDriver.Run<GemmMicroKernel256>(op, m, n, k, accumulate, packing);
                break;
            default:
                GemmScalar.Run(op, m, n, k, accumulate);
                break;
        }
    }
}
