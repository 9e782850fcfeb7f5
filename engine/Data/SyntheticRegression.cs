// The synthetic-regression built-in: a noisy linear map from 10 inputs to 1 output.
//   x ~ N(0, I₁₀) per row, w ~ N(0, I₁₀), b ~ N(0, 1), noise ~ N(0, 0.1²),  y = x·w + b + noise.
// Draw order from DeterministicRandom.ForStream(data_seed, DataRandomStreams.SyntheticRegression): all inputs row by
// row, then w, then b, then one noise value per row — so the table is a pure function of data_seed.
// Deliberately does not: standardize, split, or accept other sizes (it is a fixed benchmark, like the CSV built-ins).
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Generates the synthetic-regression dataset.</summary>
public static class SyntheticRegression
{
    /// <summary>The built-in name.</summary>
    public const string Name = "synthetic-regression";

    /// <summary>Rows generated.</summary>
    public const int Rows = 1000;

    /// <summary>Input features per row.</summary>
    public const int Features = 10;

    /// <summary>Target columns per row.</summary>
    public const int Outputs = 1;

    /// <summary>Standard deviation of the additive Gaussian noise.</summary>
    public const double NoiseStd = 0.1;

    /// <summary>Builds the table for <paramref name="dataSeed"/>; equal seeds give identical tables.</summary>
    public static Dataset Generate(long dataSeed)
    {
        var rng = DeterministicRandom.ForStream(dataSeed, DataRandomStreams.SyntheticRegression);
        var inputs = new float[Rows * Features];
        for (var i = 0; i < inputs.Length; i++) inputs[i] = (float)rng.NextGaussian();

        var weights = new double[Features];
        for (var j = 0; j < Features; j++) weights[j] = rng.NextGaussian();
        var bias = rng.NextGaussian();

        // inputs (Rows, Features), weights (Features), targets (Rows, 1)
        var targets = new float[Rows * Outputs];
        for (var row = 0; row < Rows; row++)
        {
            var y = bias;
            for (var j = 0; j < Features; j++) y += inputs[row * Features + j] * weights[j];
            targets[row] = (float)(y + NoiseStd * rng.NextGaussian());
        }
        return new Dataset(Name, TaskKind.Regression, inputs, Features, null, targets, Outputs);
    }
}
