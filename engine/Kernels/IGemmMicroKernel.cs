// Contract between the blocking driver and a register-blocked micro-kernel. Implementations are structs so the
// generic driver is specialised per kernel by the JIT (constants folded, calls direct).
namespace SweepCluster.Engine.Kernels;

internal unsafe interface IGemmMicroKernel
{
    /// <summary>Rows of C computed per call (MR).</summary>
    static abstract int MicroRows { get; }

    /// <summary>Columns of C computed per call (NR), a multiple of the vector width.</summary>
    static abstract int MicroCols { get; }

    /// <summary>Rows of A packed per cache block (MC), a multiple of <see cref="MicroRows"/>.</summary>
    static abstract int BlockRows { get; }

    /// <summary>Whether the hardware instructions this kernel needs are available.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>
    /// c: (MicroRows, MicroCols) tile, row r at <c>c + r * ldc</c>;
    /// a: (MicroRows, kc), element (r, p) at <c>a[r * aRowStride + p * aDepthStride]</c>;
    /// b: (kc, MicroCols), row p at <c>b + p * bDepthStride</c> (MicroCols contiguous floats).
    /// For every tile element: <c>acc = loadC ? c : 0; for p in 0..kc-1: acc = fma(a(r, p), b(p, j), acc); c = acc</c>.
    /// </summary>
    static abstract void Run(float* a, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride, float* c, nint ldc, int kc, bool loadC);

    /// <summary>Widest column count <see cref="RunNarrow"/> handles (one vector); 0 when the kernel has no narrow variant.</summary>
    static abstract int NarrowCols { get; }

    /// <summary>
    /// Narrow tile for skinny outputs (e.g. n = 10): c: (2 · MicroRows, cols) with cols ≤ <see cref="NarrowCols"/>;
    /// rows 0 .. MicroRows-1 of A read from <paramref name="aTop"/>, rows MicroRows .. 2·MicroRows-1 from
    /// <paramref name="aBottom"/>, both with the strides of <see cref="Run"/>; b: (kc, cols), row p at b + p * bDepthStride
    /// (only the first cols values are read). Same per-element fused chain as <see cref="Run"/>.
    /// </summary>
    static abstract void RunNarrow(float* aTop, float* aBottom, nint aRowStride, nint aDepthStride, float* b, nint bDepthStride,
        float* c, nint ldc, int kc, bool loadC, int cols);
}
