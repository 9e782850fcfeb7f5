// A multi-layer perceptron: dense layers with one activation between them, no activation after the last.
// Owns the per-batch workspace (pre-activations, activations, two gradient scratch buffers), grown only when a larger
// batch arrives, so a training step allocates nothing. Deliberately knows nothing of losses or optimizers.
using System.Numerics.Tensors;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Model;

/// <summary>Forward and backward passes of an MLP over one batch.</summary>
public sealed class Mlp
{
    private readonly DenseLayer[] _layers;
    private readonly ActivationKind _activation;
    private readonly float _negativeSlope;
    private readonly int _maxWidth;
    private float[][] _preActivations = [];
    private float[][] _activations = [];
    private float[] _gradientA = [];
    private float[] _gradientB = [];
    private int _capacity;

    public Mlp(int inputs, IReadOnlyList<int> hidden, int outputs, ActivationKind activation, float negativeSlope)
    {
        var sizes = new[] { inputs }.Concat(hidden).Append(outputs).ToArray();
        _layers = new DenseLayer[sizes.Length - 1];
        for (var l = 0; l < _layers.Length; l++) _layers[l] = new DenseLayer(sizes[l], sizes[l + 1]);
        _activation = activation;
        _negativeSlope = negativeSlope;
        _maxWidth = sizes.Max();
        Inputs = inputs;
        Outputs = outputs;
    }

    public int Inputs { get; }
    public int Outputs { get; }
    public IReadOnlyList<DenseLayer> Layers => _layers;
    public int ParameterCount => _layers.Sum(l => l.Weight.Length + l.Bias.Length);

    /// <summary>Runs the network on x: (batch, Inputs) and returns the output (batch, Outputs), valid until the next call.</summary>
    public ReadOnlySpan<float> Forward(ReadOnlySpan<float> x, int batch)
    {
        EnsureCapacity(batch);
        var input = x[..(batch * Inputs)];
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            var z = _preActivations[l].AsSpan(0, batch * layer.FanOut);
            layer.Forward(input, z, batch);
            if (l == _layers.Length - 1) return z;
            var a = _activations[l].AsSpan(0, batch * layer.FanOut);
            Activations.Forward(_activation, _negativeSlope, z, a);
            input = a;
        }
        throw new InvalidOperationException("unreachable: the network has at least one layer");
    }

    /// <summary>The buffer the loss writes ∂loss/∂output into before <see cref="Backward"/>: (batch, Outputs).</summary>
    public Span<float> OutputGradient(int batch)
    {
        EnsureCapacity(batch);
        return _gradientA.AsSpan(0, batch * Outputs);
    }

    /// <summary>
    /// Back-propagates <see cref="OutputGradient"/> through the batch of the last <see cref="Forward"/> call, filling
    /// every layer's WeightGrad and BiasGrad. When <paramref name="perExampleSquaredNorms"/> is not empty it receives,
    /// for each row i, |g_i|²: the squared norm of the gradient of example i's own loss over all parameters.
    /// </summary>
    public void Backward(ReadOnlySpan<float> x, int batch, Span<double> perExampleSquaredNorms = default)
    {
        var dZ = _gradientA;
        var dX = _gradientB;
        if (!perExampleSquaredNorms.IsEmpty) perExampleSquaredNorms[..batch].Clear();
        for (var l = _layers.Length - 1; l >= 0; l--)
        {
            var layer = _layers[l];
            var input = l == 0 ? x[..(batch * Inputs)] : _activations[l - 1].AsSpan(0, batch * layer.FanIn);
            var dZLayer = dZ.AsSpan(0, batch * layer.FanOut);
            if (!perExampleSquaredNorms.IsEmpty) AddPerExampleNorms(input, dZLayer, layer, batch, perExampleSquaredNorms);
            var dXLayer = l == 0 ? Span<float>.Empty : dX.AsSpan(0, batch * layer.FanIn);
            layer.Backward(input, dZLayer, dXLayer, batch);
            if (l == 0) break;
            Activations.Backward(_activation, _negativeSlope, _preActivations[l - 1].AsSpan(0, dXLayer.Length),
                _activations[l - 1].AsSpan(0, dXLayer.Length), dXLayer, dXLayer);
            (dZ, dX) = (dX, dZ);
        }
    }

    /// <summary>|G_B|²: the squared norm of the whole batch gradient (every WeightGrad and BiasGrad).</summary>
    public double GradientSquaredNorm()
    {
        double total = 0;
        foreach (var layer in _layers)
            total += (double)TensorPrimitives.Dot<float>(layer.WeightGrad, layer.WeightGrad) + TensorPrimitives.Dot<float>(layer.BiasGrad, layer.BiasGrad);
        return total;
    }

    // Example i's own gradient is batch·dZ_i (the batch loss is a mean), so for this layer
    // |g_i|² = |x_i|²·|batch·dZ_i|² (weights: an outer product) + |batch·dZ_i|² (bias).
    private static void AddPerExampleNorms(ReadOnlySpan<float> x, ReadOnlySpan<float> dZ, DenseLayer layer, int batch, Span<double> norms)
    {
        var batchSquared = (double)batch * batch;
        for (var row = 0; row < batch; row++)
        {
            var xRow = x.Slice(row * layer.FanIn, layer.FanIn);
            var dzRow = dZ.Slice(row * layer.FanOut, layer.FanOut);
            var dzNorm = TensorPrimitives.Dot(dzRow, dzRow) * batchSquared;
            norms[row] += dzNorm * (TensorPrimitives.Dot(xRow, xRow) + 1.0);
        }
    }

    private void EnsureCapacity(int batch)
    {
        if (batch <= _capacity) return;
        _preActivations = _layers.Select(l => new float[batch * l.FanOut]).ToArray();
        _activations = _layers.Select(l => new float[batch * l.FanOut]).ToArray();
        _gradientA = new float[batch * _maxWidth];
        _gradientB = new float[batch * _maxWidth];
        _capacity = batch;
    }
}
