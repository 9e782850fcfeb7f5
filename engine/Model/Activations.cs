// Element-wise non-linearities between dense layers, forward and backward. The ReLU family is written with
// System.Numerics vectors (exact per element, so any vector width gives the same bits); tanh and sigmoid use
// TensorPrimitives. Deliberately nothing after the last layer: the loss owns the output non-linearity.
using System.Numerics;
using System.Numerics.Tensors;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Model;

/// <summary>Forward and backward of every <see cref="ActivationKind"/>.</summary>
public static class Activations
{
    /// <summary>a = f(z). z, a: (batch·width); a may alias z.</summary>
    public static void Forward(ActivationKind kind, float negativeSlope, ReadOnlySpan<float> z, Span<float> a)
    {
        switch (kind)
        {
            case ActivationKind.Relu: LeakyReluForward(z, a, 0f); break;
            case ActivationKind.LeakyRelu: LeakyReluForward(z, a, negativeSlope); break;
            case ActivationKind.Tanh: TensorPrimitives.Tanh(z, a); break;
            case ActivationKind.Sigmoid: TensorPrimitives.Sigmoid(z, a); break;
            case ActivationKind.Identity: z.CopyTo(a); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>dZ = dA ⊙ f'(z), using z for the ReLU family and a = f(z) for tanh and sigmoid. dZ may alias dA.</summary>
    public static void Backward(ActivationKind kind, float negativeSlope, ReadOnlySpan<float> z, ReadOnlySpan<float> a,
        ReadOnlySpan<float> dA, Span<float> dZ)
    {
        switch (kind)
        {
            case ActivationKind.Relu: LeakyReluBackward(z, dA, dZ, 0f); break;
            case ActivationKind.LeakyRelu: LeakyReluBackward(z, dA, dZ, negativeSlope); break;
            case ActivationKind.Tanh:
                // dZ = dA·(1 − a²), as torch's tanh_backward
                for (var i = 0; i < dZ.Length; i++) dZ[i] = dA[i] * (1f - a[i] * a[i]);
                break;
            case ActivationKind.Sigmoid:
                // dZ = dA·(1 − a)·a, as torch's sigmoid_backward
                for (var i = 0; i < dZ.Length; i++) dZ[i] = dA[i] * (1f - a[i]) * a[i];
                break;
            case ActivationKind.Identity: dA.CopyTo(dZ); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    // a = z > 0 ? z : slope·z  (slope 0: ReLU)
    private static void LeakyReluForward(ReadOnlySpan<float> z, Span<float> a, float slope)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slopes = new Vector<float>(slope);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(z[i..]);
                Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<float>.Zero), v, v * slopes).CopyTo(a[i..]);
            }
        }
        for (; i < z.Length; i++) a[i] = z[i] > 0f ? z[i] : z[i] * slope;
    }

    // dZ = z > 0 ? dA : slope·dA  (torch: the gradient at exactly 0 is the negative side's)
    private static void LeakyReluBackward(ReadOnlySpan<float> z, ReadOnlySpan<float> dA, Span<float> dZ, float slope)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var slopes = new Vector<float>(slope);
            for (; i <= z.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var g = new Vector<float>(dA[i..]);
                var positive = Vector.GreaterThan(new Vector<float>(z[i..]), Vector<float>.Zero);
                Vector.ConditionalSelect(positive, g, g * slopes).CopyTo(dZ[i..]);
            }
        }
        for (; i < z.Length; i++) dZ[i] = z[i] > 0f ? dA[i] : dA[i] * slope;
    }
}
