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
}
