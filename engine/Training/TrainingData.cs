using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Training;

/// <summary>The prepared data of one trial: training rows, optional validation rows, and the task.</summary>
/// <param name="FeatureScale">d / E‖x‖² of the training inputs (the feature_scale policy's factor).</param>
public sealed record TrainingData(Dataset Train, Dataset? Validation, TaskKind Task, double FeatureScale)
{
    public int Outputs => Train.Outputs;
}
