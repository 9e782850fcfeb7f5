// Copies blocks of A and B into the contiguous, zero-padded layouts the micro-kernels stream through:
// an A sliver is p-major (microRows values per depth step), a B panel is p-major (microCols values per depth step).
// Packing only moves values; it never changes which products meet in which order.
namespace SweepCluster.Engine.Kernels;

internal static unsafe class GemmPacking
{
    /// <summary>
    /// dst: (kc, microRows) with <c>dst[p * microRows + r] = A(i0 + r, p0 + p)</c> for r &lt; rows, zero for the
    /// padding rows rows ≤ r &lt; microRows.
    /// </summary>
    public static void PackASliver(in GemmOperands op, int i0, int rows, int p0, int kc, int microRows, float* dst)
    {
        if (op.ARowStride == 1)
        {
            // TN: A is stored (k, m), so each depth step is already `rows` contiguous values.
            var src = op.A + i0 + p0 * op.ADepthStride;
            for (var p = 0; p < kc; p++)
            {
                var row = dst + p * microRows;
                new ReadOnlySpan<float>(src + p * op.ADepthStride, rows).CopyTo(new Span<float>(row, rows));
                for (var r = rows; r < microRows; r++) row[r] = 0f;
            }
            return;
        }

        // NN / NT: A is stored (m, k); transpose rows of A into depth-major order.
        for (var r = 0; r < rows; r++)
        {
            var src = op.A + (i0 + r) * op.ARowStride + p0 * op.ADepthStride;
            var stride = op.ADepthStride;
            for (var p = 0; p < kc; p++) dst[p * microRows + r] = src[p * stride];
        }
        for (var r = rows; r < microRows; r++)
        {
            for (var p = 0; p < kc; p++) dst[p * microRows + r] = 0f;
        }
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
            var src = op.B + p0 * op.BDepthStride + j0;
            for (var p = 0; p < kc; p++)
            {
                var row = dst + p * microCols;
                new ReadOnlySpan<float>(src + p * op.BDepthStride, cols).CopyTo(new Span<float>(row, cols));
                for (var jj = cols; jj < microCols; jj++) row[jj] = 0f;
            }
            return;
        }

        // NT: B is stored (n, k); transpose columns of B into depth-major order.
        for (var jj = 0; jj < cols; jj++)
        {
            var src = op.B + (j0 + jj) * op.BColStride + p0 * op.BDepthStride;
            var stride = op.BDepthStride;
            for (var p = 0; p < kc; p++) dst[p * microCols + jj] = src[p * stride];
        }
        for (var jj = cols; jj < microCols; jj++)
        {
            for (var p = 0; p < kc; p++) dst[p * microCols + jj] = 0f;
        }
    }
}
