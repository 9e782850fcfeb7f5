namespace SweepCluster.Engine.Optimizers;

/// <summary>One trainable tensor as the optimizer sees it.</summary>
/// <param name="Value">The parameters, updated in place.</param>
/// <param name="Grad">Their gradient for this step.</param>
/// <param name="IsWeight">Weight decay applies to weight matrices only, never to biases.</param>
/// <param name="Layer">The dense layer it belongs to (per-layer learning-rate multipliers).</param>
public sealed record ParameterTensor(float[] Value, float[] Grad, bool IsWeight, int Layer);

/// <summary>The hyperparameters of one optimizer step.</summary>
/// <param name="LearningRate">The base learning rate at this step.</param>
/// <param name="WeightDecay">The weight decay at this step (weights only).</param>
/// <param name="LayerMultiplier">Per-layer learning-rate multiplier (1 for most schedules).</param>
public readonly record struct StepHyperparameters(double LearningRate, double WeightDecay, Func<int, double> LayerMultiplier)
{
    public double LearningRateFor(ParameterTensor p) => LearningRate * LayerMultiplier(p.Layer);
    public double WeightDecayFor(ParameterTensor p) => p.IsWeight ? WeightDecay : 0.0;
}
