// One strided description of C = A · B that covers all three storage layouts (NN, TN, NT), so the blocking
// driver, the packing routines and the scalar fallback are written once.
namespace SweepCluster.Engine.Kernels;

/// <summary>
/// Element addressing for <c>C(m, n) = A(m, k) · B(k, n)</c>:
/// <c>A(i, p) = a[i * ARowStride + p * ADepthStride]</c>, <c>B(p, j) = b[p * BDepthStride + j * BColStride]</c>,
/// <c>C(i, j) = c[i * Ldc + j]</c>. Pointers refer to pinned spans for the duration of one call.
/// </summary>
internal readonly unsafe struct GemmOperands
{
    public readonly float* A;
    public readonly nint ARowStride;
    public readonly nint ADepthStride;
    public readonly float* B;
    public readonly nint BDepthStride;
    public readonly nint BColStride;
    public readonly float* C;
    public readonly nint Ldc;

    private GemmOperands(float* a, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride, nint bColStride, float* c, nint ldc)
    {
        A = a;
        ARowStride = aRowStride;
        ADepthStride = aDepthStride;
        B = b;
        BDepthStride = bDepthStride;
        BColStride = bColStride;
        C = c;
        Ldc = ldc;
    }

    /// <summary>a: (m, k), b: (k, n), c: (m, n).</summary>
    public static GemmOperands ForNN(float* a, float* b, float* c, int m, int k, int n) => new(a, k, 1, b, n, 1, c, n);

    /// <summary>a: (k, m) holding Aᵀ, b: (k, n), c: (m, n).</summary>
    public static GemmOperands ForTN(float* a, float* b, float* c, int m, int k, int n) => new(a, 1, m, b, n, 1, c, n);

    /// <summary>a: (m, k), b: (n, k) holding Bᵀ, c: (m, n).</summary>
    public static GemmOperands ForNT(float* a, float* b, float* c, int m, int k, int n) => new(a, k, 1, b, 1, k, c, n);
}
