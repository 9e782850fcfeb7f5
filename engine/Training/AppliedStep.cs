// What one optimizer step was given: the observer's view of a step (Trainer.StepObserver). Tests use it to check that
// what the report draws is what the optimizer really used; nothing in the engine reads it.
namespace SweepCluster.Engine.Training;

/// <summary>The hyperparameters one optimizer step used, as they were handed to the optimizer.</summary>
/// <param name="Step">0-based optimizer step of the run (counted across epochs and restores).</param>
/// <param name="LearningRate">The base learning rate of the step (before a fan_in policy's per-layer multiplier).</param>
/// <param name="WeightDecay">The weight-decay coefficient of the step.</param>
/// <param name="BatchSize">The rows of the step's batch (the epoch's last batch holds what is left).</param>
public readonly record struct AppliedStep(long Step, double LearningRate, double WeightDecay, int BatchSize);
