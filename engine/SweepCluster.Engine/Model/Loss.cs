// The training losses, with PyTorch's reduction='mean', as a forward+backward pair over one batch.
using SweepCluster.Engine.Specs;

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
    // logits: (batch, classes); dLogits = (softmax(logits) − onehot(label)) / batch
    public override double Compute(ReadOnlySpan<float> output, BatchTargets targets, Span<float> dOutput, int batch, int outputs)
    {
        double total = 0;
        var invBatch = 1f / batch;
        for (var row = 0; row < batch; row++)
        {
            var logits = output.Slice(row * outputs, outputs);
            var label = targets.Labels[row];
            var max = float.NegativeInfinity;
            foreach (var z in logits) max = MathF.Max(max, z);
            var sum = 0f;
            foreach (var z in logits) sum += MathF.Exp(z - max);
            var logSumExp = max + MathF.Log(sum);
            total += logSumExp - logits[label];
            if (dOutput.IsEmpty) continue;
            var grad = dOutput.Slice(row * outputs, outputs);
            for (var c = 0; c < outputs; c++)
                grad[c] = (MathF.Exp(logits[c] - logSumExp) - (c == label ? 1f : 0f)) * invBatch;
        }
        return total / batch;
    }
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
