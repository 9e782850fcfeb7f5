// The sizes of a trial's data that its memory depends on: known for a built-in dataset, and for a CSV file only once
// it is read. Deliberately nothing else: the spec gives the rest.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Memory;

/// <summary>What a trial's data contributes to its memory.</summary>
/// <param name="Features">Inputs per row (the first layer's fan-in).</param>
/// <param name="Outputs">Classes (classification) or target columns (regression): the last layer's fan-out.</param>
/// <param name="TrainRows">Training rows after the validation split.</param>
/// <param name="ValidationRows">Validation rows (0 = none).</param>
/// <param name="Task">Classification keeps one int32 label per row, regression <paramref name="Outputs"/> float32 targets.</param>
public readonly record struct TrialShape(int Features, int Outputs, int TrainRows, int ValidationRows, TaskKind Task)
{
    /// <summary>The shape of prepared data.</summary>
    public static TrialShape Of(TrainingData data) =>
        new(data.Train.Features, data.Outputs, data.Train.Rows, data.Validation?.Rows ?? 0, data.Task);
}
