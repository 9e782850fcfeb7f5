using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Training;

/// <summary>The prepared data of one trial: training rows, optional validation rows, the task, optional test rows.</summary>
/// <param name="FeatureScale">d / E‖x‖² of the training inputs (the feature_scale policy's factor).</param>
/// <param name="Test">The held-out test rows: evaluated once on the final weights, never trained on or decided by.</param>
public sealed record TrainingData(Dataset Train, Dataset? Validation, TaskKind Task, double FeatureScale, Dataset? Test = null)
{
    public int Outputs => Train.Outputs;
}
