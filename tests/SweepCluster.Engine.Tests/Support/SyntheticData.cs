using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;

namespace SweepCluster.Engine.Tests.Support;

/// <summary>Small in-memory datasets for tests that must not depend on files.</summary>
public static class SyntheticData
{
    /// <summary>Gaussian blobs: class c centred at a random point, unit noise.</summary>
    public static Dataset Blobs(int rows, int features, int classes, ulong seed, float scale = 1f)
    {
        var rng = new DeterministicRandom(seed);
        var centres = Enumerable.Range(0, classes * features).Select(_ => (float)(rng.NextGaussian() * 2.5)).ToArray();
        var inputs = new float[rows * features];
        var labels = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            labels[r] = r % classes;
            for (var f = 0; f < features; f++)
                inputs[r * features + f] = scale * (centres[labels[r] * features + f] + (float)rng.NextGaussian());
        }
        return new Dataset("blobs", TaskKind.Classification, inputs, features, labels, null, classes);
    }

    /// <summary>y = x·w + noise, with outputs target columns.</summary>
    public static Dataset Linear(int rows, int features, int outputs, ulong seed)
    {
        var rng = new DeterministicRandom(seed);
        var w = Enumerable.Range(0, features * outputs).Select(_ => rng.NextGaussian()).ToArray();
        var inputs = new float[rows * features];
        var targets = new float[rows * outputs];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++) inputs[r * features + f] = (float)rng.NextGaussian();
            for (var o = 0; o < outputs; o++)
            {
                double y = 0;
                for (var f = 0; f < features; f++) y += inputs[r * features + f] * w[f * outputs + o];
                targets[r * outputs + o] = (float)(y + 0.1 * rng.NextGaussian());
            }
        }
        return new Dataset("linear", TaskKind.Regression, inputs, features, null, targets, outputs);
    }

    public static TrainingData Split(Dataset data, int validationRows)
    {
        Dataset Take(int start, int count) => new(data.Name, data.Task,
            data.Inputs[(start * data.Features)..((start + count) * data.Features)], data.Features,
            data.Labels?[start..(start + count)], data.Targets?[(start * data.Outputs)..((start + count) * data.Outputs)], data.Outputs);
        var trainRows = data.Rows - validationRows;
        return new TrainingData(Take(0, trainRows), validationRows > 0 ? Take(trainRows, validationRows) : null, data.Task, 1.0);
    }
}
