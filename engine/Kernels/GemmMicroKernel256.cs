// AVX2/FMA micro-kernel: 6 rows × 16 columns of C in 12 ymm accumulators, so it fits the 16 registers of an
// AVX2-only machine. Fma.MultiplyAdd(x, y, z) = x * y + z, rounded once.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SweepCluster.Engine.Kernels;

/// <summary>6 × 16 register tile on Vector256&lt;float&gt;; see <see cref="IGemmMicroKernel"/>.</summary>
internal unsafe struct GemmMicroKernel256 : IGemmMicroKernel
{
    private const int Rows = 6;
    private const int Lanes = 8; // Vector256<float>.Count
    private const int Cols = 2 * Lanes;
    private const int SliversPerBlock = 16;
    private const int RowsPerBlock = SliversPerBlock * Rows;

    public static int MicroRows => Rows;
    public static int MicroCols => Cols;
    public static int BlockRows => RowsPerBlock;
    public static bool IsSupported => Fma.IsSupported && Avx2.IsSupported;

    public static int NarrowCols => 0;

    public static void RunNarrow(float* aTop, float* aBottom, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride,
        float* c, nint ldc, int kc, bool loadC, int cols) =>
        throw new NotSupportedException("The AVX2 kernel has no narrow variant; the driver uses edge tiles instead.");

    // a: (Rows, kc) strided, b: (kc, Cols) row p at b + p * bDepthStride, c: (Rows, Cols) row r at c + r * ldc
    public static void Run(float* a, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride, float* c, nint ldc, int kc, bool loadC)
    {
        // Packed A (and TN's A read in place) has unit row stride: a constant lets the JIT use fixed offsets.
        if (aRowStride == 1) Core(a, 1, aDepthStride, b, bDepthStride, c, ldc, kc, loadC);
        else Core(a, aRowStride, aDepthStride, b, bDepthStride, c, ldc, kc, loadC);
    }

    // One SIMD lane per output element; each lane runs its fused chain over p in ascending order.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Core(float* a, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride, float* c, nint ldc, int kc, bool loadC)
    {
        Vector256<float> c00;
        Vector256<float> c01;
        Vector256<float> c10;
        Vector256<float> c11;
        Vector256<float> c20;
        Vector256<float> c21;
        Vector256<float> c30;
        Vector256<float> c31;
        Vector256<float> c40;
        Vector256<float> c41;
        Vector256<float> c50;
        Vector256<float> c51;
        if (loadC)
        {
            c00 = Vector256.Load(c + 0 * Lanes);
            c01 = Vector256.Load(c + 1 * Lanes);
            c10 = Vector256.Load(c + 1 * ldc + 0 * Lanes);
            c11 = Vector256.Load(c + 1 * ldc + 1 * Lanes);
            c20 = Vector256.Load(c + 2 * ldc + 0 * Lanes);
            c21 = Vector256.Load(c + 2 * ldc + 1 * Lanes);
            c30 = Vector256.Load(c + 3 * ldc + 0 * Lanes);
            c31 = Vector256.Load(c + 3 * ldc + 1 * Lanes);
            c40 = Vector256.Load(c + 4 * ldc + 0 * Lanes);
            c41 = Vector256.Load(c + 4 * ldc + 1 * Lanes);
            c50 = Vector256.Load(c + 5 * ldc + 0 * Lanes);
            c51 = Vector256.Load(c + 5 * ldc + 1 * Lanes);
        }
        else
        {
            c00 = Vector256<float>.Zero;
            c01 = Vector256<float>.Zero;
            c10 = Vector256<float>.Zero;
            c11 = Vector256<float>.Zero;
            c20 = Vector256<float>.Zero;
            c21 = Vector256<float>.Zero;
            c30 = Vector256<float>.Zero;
            c31 = Vector256<float>.Zero;
            c40 = Vector256<float>.Zero;
            c41 = Vector256<float>.Zero;
            c50 = Vector256<float>.Zero;
            c51 = Vector256<float>.Zero;
        }

        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.Load(b + 0 * Lanes);
            var b1 = Vector256.Load(b + 1 * Lanes);
            var a0 = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(a0, b0, c00);
            c01 = Fma.MultiplyAdd(a0, b1, c01);
            var a1 = Vector256.Create(a[1 * aRowStride]);
            c10 = Fma.MultiplyAdd(a1, b0, c10);
            c11 = Fma.MultiplyAdd(a1, b1, c11);
            var a2 = Vector256.Create(a[2 * aRowStride]);
            c20 = Fma.MultiplyAdd(a2, b0, c20);
            c21 = Fma.MultiplyAdd(a2, b1, c21);
            var a3 = Vector256.Create(a[3 * aRowStride]);
            c30 = Fma.MultiplyAdd(a3, b0, c30);
            c31 = Fma.MultiplyAdd(a3, b1, c31);
            var a4 = Vector256.Create(a[4 * aRowStride]);
            c40 = Fma.MultiplyAdd(a4, b0, c40);
            c41 = Fma.MultiplyAdd(a4, b1, c41);
            var a5 = Vector256.Create(a[5 * aRowStride]);
            c50 = Fma.MultiplyAdd(a5, b0, c50);
            c51 = Fma.MultiplyAdd(a5, b1, c51);
            a += aDepthStride;
            b += bDepthStride;
        }

        Vector256.Store(c00, c + 0 * Lanes);
        Vector256.Store(c01, c + 1 * Lanes);
        Vector256.Store(c10, c + 1 * ldc + 0 * Lanes);
        Vector256.Store(c11, c + 1 * ldc + 1 * Lanes);
        Vector256.Store(c20, c + 2 * ldc + 0 * Lanes);
        Vector256.Store(c21, c + 2 * ldc + 1 * Lanes);
        Vector256.Store(c30, c + 3 * ldc + 0 * Lanes);
        Vector256.Store(c31, c + 3 * ldc + 1 * Lanes);
        Vector256.Store(c40, c + 4 * ldc + 0 * Lanes);
        Vector256.Store(c41, c + 4 * ldc + 1 * Lanes);
        Vector256.Store(c50, c + 5 * ldc + 0 * Lanes);
        Vector256.Store(c51, c + 5 * ldc + 1 * Lanes);
    }
}
