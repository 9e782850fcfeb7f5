// Evaluates a network on a whole dataset without touching its gradients. Rows are independent in every kernel, so
// the chunk size changes nothing in the results.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Model;

namespace SweepCluster.Engine.Training;

/// <summary>Loss and metrics of a network on one dataset.</summary>
/// <param name="Metric">Accuracy (classification) or RMSE (regression).</param>
/// <param name="R2">Regression only: R², averaged over target columns.</param>
public readonly record struct EvaluationResult(double Loss, double Metric, double? R2);

public static class Evaluation
{
    /// <summary>Rows evaluated per forward pass.</summary>
    public const int ChunkRows = 256;

    public static EvaluationResult Evaluate(Mlp network, Loss loss, Dataset data)
    {
        var outputs = data.Outputs;
        double lossSum = 0;
        long correct = 0;
        var squaredError = new double[outputs];
        for (var start = 0; start < data.Rows; start += ChunkRows)
        {
            var rows = Math.Min(ChunkRows, data.Rows - start);
            var x = data.Inputs.AsSpan(start * data.Features, rows * data.Features);
            var prediction = network.Forward(x, rows);
            var targets = TargetsOf(data, start, rows);
            lossSum += loss.Compute(prediction, targets, Span<float>.Empty, rows, outputs) * rows;
            if (data.Task == TaskKind.Classification) correct += Metrics.CountCorrect(prediction, targets.Labels, rows, outputs);
            else Metrics.AddSquaredErrors(prediction, targets.Values, rows, outputs, squaredError);
        }
        var meanLoss = lossSum / data.Rows;
        return data.Task == TaskKind.Classification
            ? new EvaluationResult(meanLoss, (double)correct / data.Rows, null)
            : new EvaluationResult(meanLoss, Metrics.Rmse(squaredError, data.Rows), Metrics.RSquared(squaredError, data));
    }

    public static BatchTargets TargetsOf(Dataset data, int start, int rows) =>
        data.Task == TaskKind.Classification
            ? new BatchTargets(data.Labels.AsSpan(start, rows), default)
            : new BatchTargets(default, data.Targets.AsSpan(start * data.Outputs, rows * data.Outputs));
}
