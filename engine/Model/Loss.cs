// The training losses, with PyTorch's reduction='mean', as a forward+backward pair over one batch.
using System.Numerics.Tensors;
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Model;

/// <summary>The targets of one batch: class labels or regression values.</summary>
/// <param name="Labels">Classification: (batch) class indices.</param>
/// <param name="Values">Regression: (batch, outputs) targets.</param>
public readonly ref struct BatchTargets(ReadOnlySpan<int> labels, ReadOnlySpan<float> values)
{
    public ReadOnlySpan<int> Labels { get; } = labels;
    public ReadOnlySpan<float> Values { get; } = values;
}

/// <summary>A loss with its gradient with respect to the network's output.</summary>
public abstract class Loss
{
    public static Loss For(LossKind kind) => kind switch
    {
        LossKind.CrossEntropy => new CrossEntropyLoss(),
        LossKind.Mse => new MeanSquaredErrorLoss(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Returns the batch-mean loss and, when <paramref name="dOutput"/> is not empty, writes ∂loss/∂output into it.
    /// output, dOutput: (batch, outputs).
    /// </summary>
    public abstract double Compute(ReadOnlySpan<float> output, BatchTargets targets, Span<float> dOutput, int batch, int outputs);
}

/// <summary>softmax + mean negative log-likelihood, as torch.nn.CrossEntropyLoss.</summary>
public sealed class CrossEntropyLoss : Loss
{
    private float[] _scratch = [];

    // logits: (batch, classes); dLogits = (softmax(logits) − onehot(label)) / batch.
    // exp(z − max) is computed once for the whole batch (one vectorised call) and reused for the loss and the gradient.
    public override double Compute(ReadOnlySpan<float> output, BatchTargets targets, Span<float> dOutput, int batch, int outputs)
    {
        var count = batch * outputs;
        if (dOutput.IsEmpty && _scratch.Length < count) _scratch = new float[count];
        var exps = dOutput.IsEmpty ? _scratch.AsSpan(0, count) : dOutput[..count];
        Span<float> maxima = batch <= MaxStackRows ? stackalloc float[batch] : new float[batch];
        for (var row = 0; row < batch; row++)
        {
            var logits = output.Slice(row * outputs, outputs);
            maxima[row] = TensorPrimitives.Max(logits);
            TensorPrimitives.Subtract(logits, maxima[row], exps.Slice(row * outputs, outputs));
        }
        TensorPrimitives.Exp(exps, exps);

        double total = 0;
        var invBatch = 1f / batch;
        for (var row = 0; row < batch; row++)
        {
            var e = exps.Slice(row * outputs, outputs);
            var sum = 0f;
            foreach (var v in e) sum += v;
            var label = targets.Labels[row];
            total += maxima[row] + MathF.Log(sum) - output[row * outputs + label];   // logsumexp − z_label
            if (dOutput.IsEmpty) continue;
            TensorPrimitives.Multiply(e, 1f / sum, e);                                  // softmax
            e[label] -= 1f;
            TensorPrimitives.Multiply(e, invBatch, e);
        }
        return total / batch;
    }

    private const int MaxStackRows = 1024;
}

/// <summary>Mean squared error over every element, as torch.nn.MSELoss.</summary>
public sealed class MeanSquaredErrorLoss : Loss
{
    // prediction, target: (batch, outputs); dPrediction = 2·(prediction − target) / (batch·outputs)
    public override double Compute(ReadOnlySpan<float> output, BatchTargets targets, Span<float> dOutput, int batch, int outputs)
    {
        double total = 0;
        var count = batch * outputs;
        var scale = 2f / count;
        for (var i = 0; i < count; i++)
        {
            var error = output[i] - targets.Values[i];
            total += (double)error * error;
            if (!dOutput.IsEmpty) dOutput[i] = error * scale;
        }
        return total / count;
    }
}
