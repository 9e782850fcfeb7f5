// What one trial's trainer holds at its peak, part by part, in bytes. A plain record: TrialMemoryEstimator fills it.
namespace SweepCluster.Engine.Memory;

/// <summary>A trial's estimated memory, in bytes, by part.</summary>
/// <param name="Parameters">Weights and biases of every layer: P floats.</param>
/// <param name="Gradients">Their gradients: P floats.</param>
/// <param name="OptimizerState">The optimizer's buffers: 0 to 3 × P floats.</param>
/// <param name="Activations">Pre-activations, activations and two gradient scratch buffers at <paramref name="LargestBatch"/>.</param>
/// <param name="BatchStaging">The trainer's gather buffers, sized for the whole training set, and its shuffle order.</param>
/// <param name="Checkpoint">A checkpoint of parameters and optimizer state, in the two copies alive while it is (de)serialized.</param>
/// <param name="LargestBatch">The largest batch the trial can reach (the network's workspace is sized for it).</param>
public sealed record TrialMemoryEstimate(
    long Parameters,
    long Gradients,
    long OptimizerState,
    long Activations,
    long BatchStaging,
    long Checkpoint,
    int LargestBatch)
{
    public long Total => ByteCount.Sum(Parameters, Gradients, OptimizerState, Activations, BatchStaging, Checkpoint);

    /// <summary>The parts that grow with the model (<c>model.hidden</c>): parameters, gradients, optimizer state, checkpoint.</summary>
    public long ModelBytes => ByteCount.Sum(Parameters, Gradients, OptimizerState, Checkpoint);

    /// <summary>The parts that grow with the batch and the data (<c>batch_size</c>): activations and batch staging.</summary>
    public long BatchBytes => ByteCount.Sum(Activations, BatchStaging);
}
