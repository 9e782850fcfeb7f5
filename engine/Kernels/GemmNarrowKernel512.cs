// AVX-512 narrow micro-kernel for skinny outputs (n ≤ 16, e.g. the 10-class output layer): 16 rows × one masked
// vector of columns in 16 zmm accumulators. Masked loads read no bytes past the valid columns and masked stores
// write only them, so neither a scratch tile nor a padded copy of B is needed.
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SweepCluster.Engine.Kernels;

internal static unsafe class GemmNarrowKernel512
{
    /// <summary>Rows per half (the 8-row slivers of <see cref="GemmMicroKernel512"/>); two halves per call.</summary>
    private const int HalfRows = 8;

    /// <summary>Columns per call: one Vector512&lt;float&gt;.</summary>
    public const int Cols = 16;

    // c: (2 · HalfRows, cols); a rows 0..7 at aTop, rows 8..15 at aBottom, element (r, p) at a[r * aRowStride + p * aDepthStride];
    // b: (kc, cols) row p at b + p * bDepthStride.
    public static void Run(float* aTop, float* aBottom, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride,
        float* c, nint ldc, int kc, bool loadC, int cols)
    {
        if (aRowStride == 1) Core(aTop, aBottom, 1, aDepthStride, b, bDepthStride, c, ldc, kc, loadC, cols);
        else Core(aTop, aBottom, aRowStride, aDepthStride, b, bDepthStride, c, ldc, kc, loadC, cols);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Core(float* aTop, float* aBottom, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride,
        float* c, nint ldc, int kc, bool loadC, int cols)
    {
        // Lane j is active when j < cols.
        var mask = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle();
        var zero = Vector512<float>.Zero;
        Vector512<float> c00;
        Vector512<float> c01;
        Vector512<float> c02;
        Vector512<float> c03;
        Vector512<float> c04;
        Vector512<float> c05;
        Vector512<float> c06;
        Vector512<float> c07;
        Vector512<float> c08;
        Vector512<float> c09;
        Vector512<float> c10;
        Vector512<float> c11;
        Vector512<float> c12;
        Vector512<float> c13;
        Vector512<float> c14;
        Vector512<float> c15;
        if (loadC)
        {
            c00 = Avx512F.MaskLoad(c + 0 * ldc, mask, zero);
            c01 = Avx512F.MaskLoad(c + 1 * ldc, mask, zero);
            c02 = Avx512F.MaskLoad(c + 2 * ldc, mask, zero);
            c03 = Avx512F.MaskLoad(c + 3 * ldc, mask, zero);
            c04 = Avx512F.MaskLoad(c + 4 * ldc, mask, zero);
            c05 = Avx512F.MaskLoad(c + 5 * ldc, mask, zero);
            c06 = Avx512F.MaskLoad(c + 6 * ldc, mask, zero);
            c07 = Avx512F.MaskLoad(c + 7 * ldc, mask, zero);
            c08 = Avx512F.MaskLoad(c + 8 * ldc, mask, zero);
            c09 = Avx512F.MaskLoad(c + 9 * ldc, mask, zero);
            c10 = Avx512F.MaskLoad(c + 10 * ldc, mask, zero);
            c11 = Avx512F.MaskLoad(c + 11 * ldc, mask, zero);
            c12 = Avx512F.MaskLoad(c + 12 * ldc, mask, zero);
            c13 = Avx512F.MaskLoad(c + 13 * ldc, mask, zero);
            c14 = Avx512F.MaskLoad(c + 14 * ldc, mask, zero);
            c15 = Avx512F.MaskLoad(c + 15 * ldc, mask, zero);
        }
        else
        {
            c00 = zero;
            c01 = zero;
            c02 = zero;
            c03 = zero;
            c04 = zero;
            c05 = zero;
            c06 = zero;
            c07 = zero;
            c08 = zero;
            c09 = zero;
            c10 = zero;
            c11 = zero;
            c12 = zero;
            c13 = zero;
            c14 = zero;
            c15 = zero;
        }

        for (var p = 0; p < kc; p++)
        {
            var bp = Avx512F.MaskLoad(b, mask, zero);
            c00 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[0]), bp, c00);
            c01 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[1 * aRowStride]), bp, c01);
            c02 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[2 * aRowStride]), bp, c02);
            c03 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[3 * aRowStride]), bp, c03);
            c04 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[4 * aRowStride]), bp, c04);
            c05 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[5 * aRowStride]), bp, c05);
            c06 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[6 * aRowStride]), bp, c06);
            c07 = Avx512F.FusedMultiplyAdd(Vector512.Create(aTop[7 * aRowStride]), bp, c07);
            c08 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[0]), bp, c08);
            c09 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[1 * aRowStride]), bp, c09);
            c10 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[2 * aRowStride]), bp, c10);
            c11 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[3 * aRowStride]), bp, c11);
            c12 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[4 * aRowStride]), bp, c12);
            c13 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[5 * aRowStride]), bp, c13);
            c14 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[6 * aRowStride]), bp, c14);
            c15 = Avx512F.FusedMultiplyAdd(Vector512.Create(aBottom[7 * aRowStride]), bp, c15);
            aTop += aDepthStride;
            aBottom += aDepthStride;
            b += bDepthStride;
        }

        Avx512F.MaskStore(c + 0 * ldc, mask, c00);
        Avx512F.MaskStore(c + 1 * ldc, mask, c01);
        Avx512F.MaskStore(c + 2 * ldc, mask, c02);
        Avx512F.MaskStore(c + 3 * ldc, mask, c03);
        Avx512F.MaskStore(c + 4 * ldc, mask, c04);
        Avx512F.MaskStore(c + 5 * ldc, mask, c05);
        Avx512F.MaskStore(c + 6 * ldc, mask, c06);
        Avx512F.MaskStore(c + 7 * ldc, mask, c07);
        Avx512F.MaskStore(c + 8 * ldc, mask, c08);
        Avx512F.MaskStore(c + 9 * ldc, mask, c09);
        Avx512F.MaskStore(c + 10 * ldc, mask, c10);
        Avx512F.MaskStore(c + 11 * ldc, mask, c11);
        Avx512F.MaskStore(c + 12 * ldc, mask, c12);
        Avx512F.MaskStore(c + 13 * ldc, mask, c13);
        Avx512F.MaskStore(c + 14 * ldc, mask, c14);
        Avx512F.MaskStore(c + 15 * ldc, mask, c15);
    }
}
