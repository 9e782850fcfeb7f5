// Estimates the memory one trial's trainer allocates, from its spec and the shape of its data, by the same sizes the
// engine allocates (Mlp, DenseLayer, Optimizer, Trainer, CheckpointSerializer). Pure arithmetic: it builds nothing.
// Deliberately not counted: the dataset itself (one read-only copy per process, shared by every trial on it), the
// run's history (a few numbers per epoch) and the runtime's own overhead.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;

namespace SweepCluster.Engine.Memory;

public static class TrialMemoryEstimator
{
    /// <summary>Every tensor is float32.</summary>
    public const int FloatBytes = sizeof(float);

    /// <summary>Labels and the shuffle order are int32.</summary>
    public const int IntBytes = sizeof(int);

    /// <summary>A checkpoint is serialized into a MemoryStream and copied out (CheckpointSerializer.Serialize), and read
    /// back from bytes into arrays (Deserialize): two copies of it are alive at once either way.</summary>
    public const int CheckpointCopies = 2;

    /// <summary>noise_scale keeps one double per row: |g_i|² of each example.</summary>
    public const int DoubleBytes = sizeof(double);

    /// <summary>The estimate of <paramref name="spec"/> on data of <paramref name="shape"/>, at its largest batch.</summary>
    public static TrialMemoryEstimate Estimate(TrialSpec spec, TrialShape shape) => Estimate(spec, shape, LargestBatch(spec.BatchSize, shape.TrainRows));

    /// <summary>The estimate with the network's workspace sized for <paramref name="trainingBatch"/> training rows.</summary>
    public static TrialMemoryEstimate Estimate(TrialSpec spec, TrialShape shape, int trainingBatch) =>
        Estimate(spec.Model.Hidden, spec.Optimizer, spec.BatchSize, shape, trainingBatch);

    /// <summary>The estimate with <paramref name="hidden"/> for the spec's hidden sizes.</summary>
    public static TrialMemoryEstimate Estimate(IReadOnlyList<int> hidden, OptimizerSpec optimizer, ScheduleSpec batchSize, TrialShape shape, int trainingBatch)
    {
        var sizes = LayerSizes(hidden, shape);
        var parameterCount = ParameterCount(sizes);                                      // P = Σ fanIn·fanOut + fanOut
        var parameters = ByteCount.Multiply(parameterCount, FloatBytes);                 // W (fanIn, fanOut), b (fanOut) per layer
        var optimizerState = ByteCount.Multiply(parameters, OptimizerBuffers(optimizer)); // k buffers (P) each
        // Evaluation runs the validation set through the same workspace in chunks of Evaluation.ChunkRows.
        var workspaceBatch = Math.Max(trainingBatch, Math.Min(Training.Evaluation.ChunkRows, shape.ValidationRows));
        return new TrialMemoryEstimate(
            Parameters: parameters,
            Gradients: parameters,                                                      // dW, db: same shapes as W, b
            OptimizerState: optimizerState,
            Activations: ActivationBytes(sizes, workspaceBatch),
            BatchStaging: BatchStagingBytes(shape, batchSize),
            Checkpoint: ByteCount.Multiply(ByteCount.Add(parameters, optimizerState), CheckpointCopies), // W, b and the buffers
            LargestBatch: workspaceBatch);
    }

    /// <summary>The largest batch the trial can reach: a constant size (times a PBT restart's scale) rounded and clamped
    /// as the trainer does, else the schedule's <c>max</c>, else the whole training set; never more than the training set.</summary>
    public static int LargestBatch(ScheduleSpec batchSize, int trainRows)
    {
        if (batchSize.Family == ScheduleFamily.Constant)
            return BatchSizeRounding.Apply(batchSize.Initial * (batchSize.Scale ?? 1.0), batchSize.Min, batchSize.Max, trainRows);
        var lower = batchSize.Min ?? BatchSizeRounding.DefaultMinimum;
        var upper = batchSize.Max ?? trainRows;
        return (int)Math.Min(Math.Max(lower, upper), trainRows);
    }

    /// <summary>The buffers per parameter tensor each optimizer allocates (Optimizer.Create): sgd 0 (1 with momentum),
    /// adam and adamw 2 (m, v), rmsprop 3 (square_avg, momentum_buffer, grad_avg: always allocated).</summary>
    public static int OptimizerBuffers(OptimizerSpec optimizer) => optimizer.Type switch
    {
        OptimizerKind.Sgd => optimizer.Momentum != 0 ? 1 : 0,
        OptimizerKind.Adam or OptimizerKind.AdamW => 2,
        OptimizerKind.RmsProp => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(optimizer), optimizer.Type, "unknown optimizer"),
    };

    // [features, hidden..., outputs]: layer l maps sizes[l] to sizes[l + 1].
    private static long[] LayerSizes(IReadOnlyList<int> hidden, TrialShape shape) =>
        [shape.Features, .. hidden.Select(h => (long)h), shape.Outputs];

    private static long ParameterCount(long[] sizes)
    {
        long count = 0;
        for (var l = 0; l + 1 < sizes.Length; l++)
            count = ByteCount.Sum(count, ByteCount.Multiply(sizes[l], sizes[l + 1]), sizes[l + 1]);
        return count;
    }

    // Mlp's workspace: per layer z and a (batch, fanOut) each, plus two scratch gradients (batch, max width).
    private static long ActivationBytes(long[] sizes, int batch)
    {
        var widths = sizes.Skip(1).Aggregate(0L, ByteCount.Add);                        // Σ fanOut over layers
        var perRow = ByteCount.Sum(ByteCount.Multiply(2, widths), ByteCount.Multiply(2, sizes.Max()));
        return ByteCount.Multiply(ByteCount.Multiply(perRow, batch), FloatBytes);
    }

    // Trainer: x (rows, features), labels (rows) or targets (rows, outputs), order (rows), noise_scale norms (rows).
    private static long BatchStagingBytes(TrialShape shape, ScheduleSpec batchSize)
    {
        long rows = shape.TrainRows;
        var inputs = ByteCount.Multiply(ByteCount.Multiply(rows, shape.Features), FloatBytes);
        var targets = shape.Task == TaskKind.Classification
            ? ByteCount.Multiply(rows, IntBytes)
            : ByteCount.Multiply(ByteCount.Multiply(rows, shape.Outputs), FloatBytes);
        var order = ByteCount.Multiply(rows, IntBytes);
        var norms = batchSize.Family == ScheduleFamily.NoiseScale ? ByteCount.Multiply(rows, DoubleBytes) : 0;
        return ByteCount.Sum(inputs, targets, order, norms);
    }
}
