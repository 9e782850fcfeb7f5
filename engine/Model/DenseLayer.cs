// One fully connected layer y = x·W + b with W: (fanIn, fanOut), the seed's convention, and its gradients.
// Deliberately no activation and no optimizer state: the network and the optimizer own those.
using SweepCluster.Engine.Kernels;

namespace SweepCluster.Engine.Model;

/// <summary>Weights, bias and their gradients for one dense layer.</summary>
public sealed class DenseLayer
{
    public DenseLayer(int fanIn, int fanOut)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fanOut);
        FanIn = fanIn;
        FanOut = fanOut;
        Weight = new float[fanIn * fanOut];
        Bias = new float[fanOut];
        WeightGrad = new float[fanIn * fanOut];
        BiasGrad = new float[fanOut];
    }

    public int FanIn { get; }
    public int FanOut { get; }

    /// <summary>W: (FanIn, FanOut) row-major.</summary>
    public float[] Weight { get; }

    /// <summary>b: (FanOut).</summary>
    public float[] Bias { get; }

    /// <summary>dW: (FanIn, FanOut), the gradient of the batch-mean loss.</summary>
    public float[] WeightGrad { get; }

    /// <summary>db: (FanOut).</summary>
    public float[] BiasGrad { get; }

    /// <summary>z = x·W + b. x: (batch, FanIn), z: (batch, FanOut).</summary>
    public void Forward(ReadOnlySpan<float> x, Span<float> z, int batch)
    {
        for (var row = 0; row < batch; row++) Bias.CopyTo(z.Slice(row * FanOut, FanOut));
        Gemm.MultiplyNN(x, Weight, z, batch, FanIn, FanOut, accumulate: true);
    }

    /// <summary>
    /// dW = xᵀ·dZ, db = Σ_rows dZ, and when <paramref name="dX"/> is not empty dX = dZ·Wᵀ.
    /// x: (batch, FanIn), dZ: (batch, FanOut), dX: (batch, FanIn) or empty for the first layer.
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dZ, Span<float> dX, int batch)
    {
        Gemm.MultiplyTN(x, dZ, WeightGrad, FanIn, batch, FanOut);
        SumRows(dZ, BiasGrad, batch, FanOut);
        if (!dX.IsEmpty) Gemm.MultiplyNT(dZ, Weight, dX, batch, FanOut, FanIn);
    }

    // db: (width) = Σ over rows of dZ: (batch, width), accumulated row by row in order.
    private static void SumRows(ReadOnlySpan<float> dZ, Span<float> db, int batch, int width)
    {
        db.Clear();
        for (var row = 0; row < batch; row++)
            System.Numerics.Tensors.TensorPrimitives.Add(db, dZ.Slice(row * width, width), db);
    }
}
