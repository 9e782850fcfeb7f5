using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>
/// An immutable table of float32 rows, shared read-only by every trial in a process.
/// inputs: (rows, features) row-major; classification: labels (rows) in [0, classes); regression: targets (rows, outputs).
/// </summary>
public sealed class Dataset
{
    public Dataset(string name, TaskKind task, float[] inputs, int features, int[]? labels, float[]? targets, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputs);
        if (inputs.Length % features != 0) throw new ArgumentException("inputs length is not a multiple of features", nameof(inputs));
        var rows = inputs.Length / features;
        if (task == TaskKind.Classification && (labels is null || labels.Length != rows))
            throw new ArgumentException("classification needs one label per row", nameof(labels));
        if (task == TaskKind.Regression && (targets is null || targets.Length != rows * outputs))
            throw new ArgumentException("regression needs outputs targets per row", nameof(targets));
        Name = name;
        Task = task;
        Inputs = inputs;
        Features = features;
        Labels = labels;
        Targets = targets;
        Outputs = outputs;
        Rows = rows;
    }

    public string Name { get; }
    public TaskKind Task { get; }

    /// <summary>(Rows, Features) row-major.</summary>
    public float[] Inputs { get; }

    public int Features { get; }
    public int Rows { get; }

    /// <summary>Classification: one class index per row.</summary>
    public int[]? Labels { get; }

    /// <summary>Regression: (Rows, Outputs) row-major.</summary>
    public float[]? Targets { get; }

    /// <summary>Classification: number of classes; regression: number of target columns.</summary>
    public int Outputs { get; }

    public ReadOnlySpan<float> Row(int index) => Inputs.AsSpan(index * Features, Features);
}
