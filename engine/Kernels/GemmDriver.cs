// Cache-blocking loops around a micro-kernel (the classic jc / pc / ic / jr / ir nest). The depth loop (pc) is
// split into blocks, but each C tile is loaded back into the accumulators for the next block, so every output
// element still sees one fused chain over p = 0 .. k-1 in ascending order: blocking changes speed, not bits.
namespace SweepCluster.Engine.Kernels;

/// <summary>Which operands the driver copies into packed panels (tests force both extremes).</summary>
internal enum GemmPackingPolicy
{
    /// <summary>Read operands in place unless B is large (see GemmDriver.DirectMaxBElements).</summary>
    Auto,
    /// <summary>Pack every block of A and B.</summary>
    Always,
    /// <summary>Read A and B in place wherever the layout allows (NT's B and edge slivers are still packed).</summary>
    Never,
}

internal static unsafe class GemmDriver
{
    /// <summary>KC: depth of one packed block; a 256 × 32 B panel is 32 KiB and stays in the 48 KiB L1.</summary>
    internal const int DepthBlock = 256;

    /// <summary>NC: columns of B packed at once (a multiple of every kernel's MicroCols).</summary>
    internal const int ColumnBlock = 1024;

    /// <summary>
    /// Under the Auto policy operands are read in place (measured faster for the MLP shapes) unless B has at least
    /// this many elements (k·n, 1 MiB): then B rows far apart alias in L1 and packing wins (1024³: 175 → 245 GFLOP/s).
    /// </summary>
    internal const long DirectMaxBElements = 1L << 18;

    // op: c (m, n) = A (m, k) · B (k, n) in the strided form of GemmOperands; k > 0, m > 0, n > 0.
    public static void Run<TKernel>(in GemmOperands op, int m, int n, int k, bool accumulate, GemmPackingPolicy policy)
        where TKernel : struct, IGemmMicroKernel
    {
        var microRows = TKernel.MicroRows;
        var microCols = TKernel.MicroCols;
        var blockRows = TKernel.BlockRows;

        var packAll = policy == GemmPackingPolicy.Always
            || (policy == GemmPackingPolicy.Auto && (long)k * n >= DirectMaxBElements);
        var packA = packAll;
        var packB = packAll || op.BColStride != 1;

        // Skinny last panels (n % MicroCols ≤ NarrowCols) read B in place with masked loads when B is not packed.
        var narrowReadsB = !packB && n % microCols != 0 && n % microCols <= TKernel.NarrowCols;

        var workspace = GemmWorkspace.Current;
        var maxDepth = Math.Min(k, DepthBlock);
        float* packedA = packA ? workspace.Get(GemmBuffer.PackedA, maxDepth * RoundUp(Math.Min(m, blockRows), microRows)) : null;
        var packedB = packB ? workspace.Get(GemmBuffer.PackedB, maxDepth * RoundUp(Math.Min(n, ColumnBlock), microCols)) : null;
        var edgeA = workspace.Get(GemmBuffer.EdgeA, maxDepth * microRows);
        var edgeB = workspace.Get(GemmBuffer.EdgeB, maxDepth * microCols);
        var tile = workspace.Get(GemmBuffer.EdgeTile, microRows * microCols);

        for (var jc = 0; jc < n; jc += ColumnBlock)
        {
            var nc = Math.Min(ColumnBlock, n - jc);
            for (var pc = 0; pc < k; pc += DepthBlock)
            {
                var kc = Math.Min(DepthBlock, k - pc);
                var loadC = accumulate || pc > 0;

                if (packB)
                {
                    for (var jr = 0; jr < nc; jr += microCols)
                    {
                        GemmPacking.PackBPanel(op, pc, kc, jc + jr, Math.Min(microCols, nc - jr), microCols, packedB + (jr / microCols) * kc * microCols);
                    }
                }
                else if (nc % microCols != 0 && !(narrowReadsB && m % (2 * microRows) == 0))
                {
                    // The partial last panel goes through edge tiles, which need it zero-padded to full width.
                    var lastPanel = nc - nc % microCols;
                    GemmPacking.PackBPanel(op, pc, kc, jc + lastPanel, nc - lastPanel, microCols, edgeB);
                }

                for (var ic = 0; ic < m; ic += blockRows)
                {
                    var mc = Math.Min(blockRows, m - ic);
                    if (packA)
                    {
                        for (var ir = 0; ir < mc; ir += microRows)
                        {
                            GemmPacking.PackASliver(op, ic + ir, Math.Min(microRows, mc - ir), pc, kc, microRows, packedA + (ir / microRows) * kc * microRows);
                        }
                    }
                    else if (mc % microRows != 0)
                    {
                        var lastSliver = mc - mc % microRows;
                        GemmPacking.PackASliver(op, ic + lastSliver, mc - lastSliver, pc, kc, microRows, edgeA);
                    }

                    for (var jr = 0; jr < nc; jr += microCols)
                    {
                        var cols = Math.Min(microCols, nc - jr);
                        float* b;
                        nint bStep;
                        if (packB)
                        {
                            b = packedB + (jr / microCols) * kc * microCols;
                            bStep = microCols;
                        }
                        else if (cols == microCols)
                        {
                            b = op.B + pc * op.BDepthStride + jc + jr;
                            bStep = op.BDepthStride;
                        }
                        else
                        {
                            b = edgeB;
                            bStep = microCols;
                        }

                        var ir = 0;
                        if (cols < microCols && cols <= TKernel.NarrowCols)
                        {
                            // Skinny panel (e.g. n = 10): 16-row narrow tiles with masked columns instead of scratch tiles.
                            var narrowB = narrowReadsB ? op.B + pc * op.BDepthStride + jc + jr : b;
                            var narrowBStep = narrowReadsB ? op.BDepthStride : bStep;
                            for (; ir + 2 * microRows <= mc; ir += 2 * microRows)
                            {
                                var top = SliverA(op, packedA, edgeA, ic, ir, microRows, microRows, pc, kc, out var aRowStride, out var aDepthStride);
                                var bottom = SliverA(op, packedA, edgeA, ic, ir + microRows, microRows, microRows, pc, kc, out _, out _);
                                TKernel.RunNarrow(top, bottom, aRowStride, aDepthStride, narrowB, narrowBStep,
                                    op.C + (ic + ir) * op.Ldc + jc + jr, op.Ldc, kc, loadC, cols);
                            }
                        }

                        for (; ir < mc; ir += microRows)
                        {
                            var rows = Math.Min(microRows, mc - ir);
                            var a = SliverA(op, packedA, edgeA, ic, ir, rows, microRows, pc, kc, out var aRowStride, out var aDepthStride);
                            var c = op.C + (ic + ir) * op.Ldc + jc + jr;
                            if (rows == microRows && cols == microCols)
                            {
                                TKernel.Run(a, aRowStride, aDepthStride, b, bStep, c, op.Ldc, kc, loadC);
                            }
                            else
                            {
                                RunEdgeTile<TKernel>(a, aRowStride, aDepthStride, b, bStep, c, op.Ldc, rows, cols, kc, loadC, tile);
                            }
                        }
                    }
                }
            }
        }
    }

    // The A operand of the sliver at rows ic + ir .. (+ rows): the packed block when A is packed, A itself for a
    // full sliver read in place, or the packed edge sliver (only the last sliver of a block can be partial).
    private static float* SliverA(in GemmOperands op, float* packedA, float* edgeA, int ic, int ir, int rows, int microRows,
        int pc, int kc, out nint rowStride, out nint depthStride)
    {
        if (packedA == null && rows == microRows)
        {
            (rowStride, depthStride) = (op.ARowStride, op.ADepthStride);
            return op.A + (ic + ir) * op.ARowStride + pc * op.ADepthStride;
        }
        (rowStride, depthStride) = (1, microRows);
        return packedA != null ? packedA + (ir / microRows) * kc * microRows : edgeA;
    }

    // c: (rows, cols) partial tile, rows ≤ MicroRows, cols ≤ MicroCols. The kernel runs on a full-size scratch tile
    // (padding lanes compute throwaway values from zero padding) and only the valid part is copied back.
    private static void RunEdgeTile<TKernel>(float* a, nint aRowStride, nint aDepthStride, float* b, nint bStep, float* c, nint ldc,
        int rows, int cols, int kc, bool loadC, float* tile)
        where TKernel : struct, IGemmMicroKernel
    {
        var microCols = TKernel.MicroCols;
        var tileSpan = new Span<float>(tile, TKernel.MicroRows * microCols);
        tileSpan.Clear();
        if (loadC)
        {
            for (var r = 0; r < rows; r++) new ReadOnlySpan<float>(c + r * ldc, cols).CopyTo(tileSpan.Slice(r * microCols, cols));
        }
        TKernel.Run(a, aRowStride, aDepthStride, b, bStep, tile, microCols, kc, loadC: true);
        for (var r = 0; r < rows; r++) tileSpan.Slice(r * microCols, cols).CopyTo(new Span<float>(c + r * ldc, cols));
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
