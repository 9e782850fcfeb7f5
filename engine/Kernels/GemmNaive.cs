// The reference: plain loops computing each output element as one sequential fused multiply-add chain over k.
// Gemm must match this bit for bit; keep it obviously correct rather than fast.
namespace SweepCluster.Engine.Kernels;

/// <summary>
/// Reference single-precision matrix products (row-major). Every output element is
/// <c>acc = accumulate ? c[i, j] : 0f; for p = 0 .. k-1: acc = MathF.FusedMultiplyAdd(A[i, p], B[p, j], acc); c[i, j] = acc;</c>
/// with p strictly ascending. <see cref="Gemm"/> produces identical bits.
/// </summary>
public static class GemmNaive
{
    /// <summary>
    /// c (m, n) = a (m, k) · b (k, n), or c += a · b when <paramref name="accumulate"/>; all row-major.
    /// Each element is the sequential fused chain described on <see cref="GemmNaive"/>.
    /// </summary>
    public static void MultiplyNN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        // a: (m, k), b: (k, n), c: (m, n)
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var acc = accumulate ? c[i * n + j] : 0f;
                for (var p = 0; p < k; p++) acc = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], acc);
                c[i * n + j] = acc;
            }
        }
    }

    /// <summary>
    /// c (m, n) = aᵀ · b where a is stored row-major as (k, m) and b as (k, n); c += aᵀ · b when
    /// <paramref name="accumulate"/>. Each element is the sequential fused chain described on <see cref="GemmNaive"/>.
    /// </summary>
    public static void MultiplyTN(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        // a: (k, m) holding Aᵀ, b: (k, n), c: (m, n)
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var acc = accumulate ? c[i * n + j] : 0f;
                for (var p = 0; p < k; p++) acc = MathF.FusedMultiplyAdd(a[p * m + i], b[p * n + j], acc);
                c[i * n + j] = acc;
            }
        }
    }

    /// <summary>
    /// c (m, n) = a · bᵀ where a is stored row-major as (m, k) and b as (n, k); c += a · bᵀ when
    /// <paramref name="accumulate"/>. Each element is the sequential fused chain described on <see cref="GemmNaive"/>.
    /// </summary>
    public static void MultiplyNT(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n, bool accumulate = false)
    {
        GemmArguments.Validate(a, b, c, m, k, n);
        // a: (m, k), b: (n, k) holding Bᵀ, c: (m, n)
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var acc = accumulate ? c[i * n + j] : 0f;
                for (var p = 0; p < k; p++) acc = MathF.FusedMultiplyAdd(a[i * k + p], b[j * k + p], acc);
                c[i * n + j] = acc;
            }
        }
    }
}
