// AVX-512 micro-kernel: 8 rows × 32 columns of C held in 16 zmm accumulators (of 32 registers), B rows loaded
// as two vectors, A broadcast one element at a time. Avx512F.FusedMultiplyAdd(x, y, z) = x * y + z, rounded once.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SweepCluster.Engine.Kernels;

/// <summary>8 × 32 register tile on Vector512&lt;float&gt;; see <see cref="IGemmMicroKernel"/>.</summary>
internal unsafe struct GemmMicroKernel512 : IGemmMicroKernel
{
    private const int Rows = 8;
    private const int Lanes = 16; // Vector512<float>.Count
    private const int Cols = 2 * Lanes;
    private const int SliversPerBlock = 16;
    private const int RowsPerBlock = SliversPerBlock * Rows; // A block of 128 rows × DepthBlock stays in L2

    public static int MicroRows => Rows;
    public static int MicroCols => Cols;
    public static int BlockRows => RowsPerBlock;
    public static bool IsSupported => Avx512F.IsSupported;

    public static int NarrowCols => GemmNarrowKernel512.Cols;

    public static void RunNarrow(float* aTop, float* aBottom, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride,
        float* c, nint ldc, int kc, bool loadC, int cols) =>
        GemmNarrowKernel512.Run(aTop, aBottom, aRowStride, aDepthStride, b, bDepthStride, c, ldc, kc, loadC, cols);

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
        Vector512<float> c00;
        Vector512<float> c01;
        Vector512<float> c10;
        Vector512<float> c11;
        Vector512<float> c20;
        Vector512<float> c21;
        Vector512<float> c30;
        Vector512<float> c31;
        Vector512<float> c40;
        Vector512<float> c41;
        Vector512<float> c50;
        Vector512<float> c51;
        Vector512<float> c60;
        Vector512<float> c61;
        Vector512<float> c70;
        Vector512<float> c71;
        if (loadC)
        {
            c00 = Vector512.Load(c + 0 * Lanes);
            c01 = Vector512.Load(c + 1 * Lanes);
            c10 = Vector512.Load(c + 1 * ldc + 0 * Lanes);
            c11 = Vector512.Load(c + 1 * ldc + 1 * Lanes);
            c20 = Vector512.Load(c + 2 * ldc + 0 * Lanes);
            c21 = Vector512.Load(c + 2 * ldc + 1 * Lanes);
            c30 = Vector512.Load(c + 3 * ldc + 0 * Lanes);
            c31 = Vector512.Load(c + 3 * ldc + 1 * Lanes);
            c40 = Vector512.Load(c + 4 * ldc + 0 * Lanes);
            c41 = Vector512.Load(c + 4 * ldc + 1 * Lanes);
            c50 = Vector512.Load(c + 5 * ldc + 0 * Lanes);
            c51 = Vector512.Load(c + 5 * ldc + 1 * Lanes);
            c60 = Vector512.Load(c + 6 * ldc + 0 * Lanes);
            c61 = Vector512.Load(c + 6 * ldc + 1 * Lanes);
            c70 = Vector512.Load(c + 7 * ldc + 0 * Lanes);
            c71 = Vector512.Load(c + 7 * ldc + 1 * Lanes);
        }
        else
        {
            c00 = Vector512<float>.Zero;
            c01 = Vector512<float>.Zero;
            c10 = Vector512<float>.Zero;
            c11 = Vector512<float>.Zero;
            c20 = Vector512<float>.Zero;
            c21 = Vector512<float>.Zero;
            c30 = Vector512<float>.Zero;
            c31 = Vector512<float>.Zero;
            c40 = Vector512<float>.Zero;
            c41 = Vector512<float>.Zero;
            c50 = Vector512<float>.Zero;
            c51 = Vector512<float>.Zero;
            c60 = Vector512<float>.Zero;
            c61 = Vector512<float>.Zero;
            c70 = Vector512<float>.Zero;
            c71 = Vector512<float>.Zero;
        }

        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.Load(b + 0 * Lanes);
            var b1 = Vector512.Load(b + 1 * Lanes);
            var a0 = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(a0, b1, c01);
            var a1 = Vector512.Create(a[1 * aRowStride]);
            c10 = Avx512F.FusedMultiplyAdd(a1, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(a1, b1, c11);
            var a2 = Vector512.Create(a[2 * aRowStride]);
            c20 = Avx512F.FusedMultiplyAdd(a2, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(a2, b1, c21);
            var a3 = Vector512.Create(a[3 * aRowStride]);
            c30 = Avx512F.FusedMultiplyAdd(a3, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(a3, b1, c31);
            var a4 = Vector512.Create(a[4 * aRowStride]);
            c40 = Avx512F.FusedMultiplyAdd(a4, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(a4, b1, c41);
            var a5 = Vector512.Create(a[5 * aRowStride]);
            c50 = Avx512F.FusedMultiplyAdd(a5, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(a5, b1, c51);
            var a6 = Vector512.Create(a[6 * aRowStride]);
            c60 = Avx512F.FusedMultiplyAdd(a6, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(a6, b1, c61);
            var a7 = Vector512.Create(a[7 * aRowStride]);
            c70 = Avx512F.FusedMultiplyAdd(a7, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(a7, b1, c71);
            a += aDepthStride;
            b += bDepthStride;
        }

        Vector512.Store(c00, c + 0 * Lanes);
        Vector512.Store(c01, c + 1 * Lanes);
        Vector512.Store(c10, c + 1 * ldc + 0 * Lanes);
        Vector512.Store(c11, c + 1 * ldc + 1 * Lanes);
        Vector512.Store(c20, c + 2 * ldc + 0 * Lanes);
        Vector512.Store(c21, c + 2 * ldc + 1 * Lanes);
        Vector512.Store(c30, c + 3 * ldc + 0 * Lanes);
        Vector512.Store(c31, c + 3 * ldc + 1 * Lanes);
        Vector512.Store(c40, c + 4 * ldc + 0 * Lanes);
        Vector512.Store(c41, c + 4 * ldc + 1 * Lanes);
        Vector512.Store(c50, c + 5 * ldc + 0 * Lanes);
        Vector512.Store(c51, c + 5 * ldc + 1 * Lanes);
        Vector512.Store(c60, c + 6 * ldc + 0 * Lanes);
        Vector512.Store(c61, c + 6 * ldc + 1 * Lanes);
        Vector512.Store(c70, c + 7 * ldc + 0 * Lanes);
        Vector512.Store(c71, c + 7 * ldc + 1 * Lanes);
    }
}
