using SweepCluster.Core;
using SweepCluster.Engine.Optimizers;

namespace SweepCluster.Engine.Training;

/// <summary>
/// The complete state of a trainer at an epoch boundary: restoring it and running on gives the same bits as never
/// having stopped.
/// </summary>
/// <param name="Epoch">Epochs completed.</param>
/// <param name="Step">Optimizer steps completed.</param>
/// <param name="Weights">Per layer, W: (fan_in, fan_out).</param>
/// <param name="Biases">Per layer, b: (fan_out).</param>
/// <param name="ScheduleStates">Learning rate, weight decay and batch size schedule states, in that order.</param>
/// <param name="ShuffleRandomState">The shuffling generator's xoshiro256** words.</param>
public sealed record TrainerCheckpoint(
    int Epoch,
    long Step,
    IReadOnlyList<float[]> Weights,
    IReadOnlyList<float[]> Biases,
    OptimizerState Optimizer,
    IReadOnlyList<double[]> ScheduleStates,
    IReadOnlyList<ulong> ShuffleRandomState,
    IReadOnlyList<EpochRecord> History,
    AppliedSchedule Applied);
