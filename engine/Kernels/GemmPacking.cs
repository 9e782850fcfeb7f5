// Copies blocks of A and B into the contiguous, zero-padded layouts the micro-kernels stream through:
// an A sliver is p-major (microRows values per depth step), a B panel is p-major (microCols values per depth step).
// Packing only moves values; it never changes which products meet in which order.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace SweepCluster.Engine.Kernels;

internal static unsafe class GemmPacking
{
    /// <summary>Side of the square blocks transposed in registers (8 floats = one Vector256).</summary>
    private const int TransposeBlock = 8;

    /// <summary>
    /// dst: (kc, microRows) with <c>dst[p * microRows + r] = A(i0 + r, p0 + p)</c> for r &lt; rows, zero for the
    /// padding rows rows ≤ r &lt; microRows.
    /// </summary>
    public static void PackASliver(in GemmOperands op, int i0, int rows, int p0, int kc, int microRows, float* dst)
    {
        if (op.ARowStride == 1)
        {
            // TN: A is stored (k, m), so each depth step is already `rows` contiguous values.
            CopyRows(op.A + i0 + p0 * op.ADepthStride, op.ADepthStride, rows, dst, microRows, kc);
            return;
        }

        // NN / NT: A is stored (m, k) with unit depth stride; transpose rows of A into depth-major order.
        Transpose(op.A + i0 * op.ARowStride + p0, op.ARowStride, rows, kc, dst, microRows);
    }

    /// <summary>
    /// dst: (kc, microCols) with <c>dst[p * microCols + jj] = B(p0 + p, j0 + jj)</c> for jj &lt; cols, zero for the
    /// padding columns cols ≤ jj &lt; microCols.
    /// </summary>
    public static void PackBPanel(in GemmOperands op, int p0, int kc, int j0, int cols, int microCols, float* dst)
    {
        if (op.BColStride == 1)
        {
            // NN / TN: B is stored (k, n); each depth step copies a contiguous row segment.
            CopyRows(op.B + p0 * op.BDepthStride + j0, op.BDepthStride, cols, dst, microCols, kc);
            return;
        }

        // NT: B is stored (n, k) with unit depth stride; transpose columns of B into depth-major order.
        Transpose(op.B + j0 * op.BColStride + p0, op.BColStride, cols, kc, dst, microCols);
    }

    // src: (count, width) rows at src + t * srcStride; dst: (count, dstWidth), the first width values of each row
    // copied, the rest zeroed.
    private static void CopyRows(float* src, nint srcStride, int width, float* dst, int dstWidth, int count)
    {
        var vectorWidth = width - width % Vector256<float>.Count;
        for (var t = 0; t < count; t++, src += srcStride, dst += dstWidth)
        {
            var x = 0;
            for (; x < vectorWidth; x += Vector256<float>.Count) Vector256.Store(Vector256.Load(src + x), dst + x);
            for (; x < width; x++) dst[x] = src[x];
            for (; x < dstWidth; x++) dst[x] = 0f;
        }
    }

    // src: (lines, depth) rows at src + l * srcStride, unit stride along depth;
    // dst: (depth, dstWidth) with dst[p * dstWidth + l] = src[l * srcStride + p], lines ≤ l < dstWidth zeroed.
    private static void Transpose(float* src, nint srcStride, int lines, int depth, float* dst, int dstWidth)
    {
        var l = 0;
        if (Avx.IsSupported)
        {
            var blockDepth = depth - depth % TransposeBlock;
            for (; l + TransposeBlock <= lines; l += TransposeBlock)
            {
                var block = src + l * srcStride;
                var p = 0;
                for (; p < blockDepth; p += TransposeBlock) Transpose8x8(block + p, srcStride, dst + p * dstWidth + l, dstWidth);
                for (; p < depth; p++)
                {
                    for (var x = 0; x < TransposeBlock; x++) dst[p * dstWidth + l + x] = block[x * srcStride + p];
                }
            }
        }
        for (; l < lines; l++)
        {
            var line = src + l * srcStride;
            for (var p = 0; p < depth; p++) dst[p * dstWidth + l] = line[p];
        }
        for (; l < dstWidth; l++)
        {
            for (var p = 0; p < depth; p++) dst[p * dstWidth + l] = 0f;
        }
    }

    // src: 8 × 8 block, row r at src + r * srcStride; dst: its transpose, row t at dst + t * dstStride.
    private static void Transpose8x8(float* src, nint srcStride, float* dst, nint dstStride)
    {
        var r0 = Avx.LoadVector256(src);
        var r1 = Avx.LoadVector256(src + srcStride);
        var r2 = Avx.LoadVector256(src + 2 * srcStride);
        var r3 = Avx.LoadVector256(src + 3 * srcStride);
        var r4 = Avx.LoadVector256(src + 4 * srcStride);
        var r5 = Avx.LoadVector256(src + 5 * srcStride);
        var r6 = Avx.LoadVector256(src + 6 * srcStride);
        var r7 = Avx.LoadVector256(src + 7 * srcStride);

        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);

        const byte LowPairs = 0x44;  // (a0, a1, b0, b1) per 128-bit lane
        const byte HighPairs = 0xEE; // (a2, a3, b2, b3) per 128-bit lane
        var u0 = Avx.Shuffle(t0, t2, LowPairs);
        var u1 = Avx.Shuffle(t0, t2, HighPairs);
        var u2 = Avx.Shuffle(t1, t3, LowPairs);
        var u3 = Avx.Shuffle(t1, t3, HighPairs);
        var u4 = Avx.Shuffle(t4, t6, LowPairs);
        var u5 = Avx.Shuffle(t4, t6, HighPairs);
        var u6 = Avx.Shuffle(t5, t7, LowPairs);
        var u7 = Avx.Shuffle(t5, t7, HighPairs);

        const byte LowHalves = 0x20;  // (left.low, right.low)
        const byte HighHalves = 0x31; // (left.high, right.high)
        Avx.Store(dst, Avx.Permute2x128(u0, u4, LowHalves));
        Avx.Store(dst + dstStride, Avx.Permute2x128(u1, u5, LowHalves));
        Avx.Store(dst + 2 * dstStride, Avx.Permute2x128(u2, u6, LowHalves));
        Avx.Store(dst + 3 * dstStride, Avx.Permute2x128(u3, u7, LowHalves));
        Avx.Store(dst + 4 * dstStride, Avx.Permute2x128(u0, u4, HighHalves));
        Avx.Store(dst + 5 * dstStride, Avx.Permute2x128(u1, u5, HighHalves));
        Avx.Store(dst + 6 * dstStride, Avx.Permute2x128(u2, u6, HighHalves));
        Avx.Store(dst + 7 * dstStride, Avx.Permute2x128(u3, u7, HighHalves));
    }
}
