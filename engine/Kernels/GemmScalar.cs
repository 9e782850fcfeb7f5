// Portable fallback for machines without AVX2+FMA: i-p-j loop order, so each C row is updated in place with
// p ascending and every element still follows its own sequential MathF.FusedMultiplyAdd chain.
namespace SweepCluster.Engine.Kernels;

internal static unsafe class GemmScalar
{
    // op: c (m, n) = A (m, k) · B (k, n) in the strided form of GemmOperands.
    public static void Run(in GemmOperands op, int m, int n, int k, bool accumulate)
    {
        for (var i = 0; i < m; i++)
        {
            var cRow = op.C + i * op.Ldc;
            if (!accumulate) new Span<float>(cRow, n).Clear();
            var aRow = op.A + i * op.ARowStride;
            for (var p = 0; p < k; p++)
            {
                var aip = aRow[p * op.ADepthStride];
                var bRow = op.B + p * op.BDepthStride;
                var bColStride = op.BColStride;
                for (var j = 0; j < n; j++) cRow[j] = MathF.FusedMultiplyAdd(aip, bRow[j * bColStride], cRow[j]);
            }
        }
    }
}
