// The spirals built-in: two interleaved spiral arms in the plane, one per class, a classic non-linear benchmark.
// Row i has class k = i mod 2. With t ~ U(0, 1), n₁, n₂ ~ N(0, 1) drawn in that order per row:
//   r = MaxRadius·t,  θ = 2π·Turns·t + k·π,  (x₁, x₂) = (r·cos θ + σ·n₁, r·sin θ + σ·n₂),  σ = NoiseStd = 0.2.
// The arms are a half turn apart, so at equal angle they are MaxRadius/(2·Turns) = 1 apart radially, five σ.
// All draws come from DeterministicRandom.ForStream(data_seed, DataRandomStreams.Spirals).
// Deliberately does not: standardize, split, or offer more classes or other sizes.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Data;

/// <summary>Generates the two-class spirals dataset.</summary>
public static class Spirals
{
    /// <summary>The built-in name.</summary>
    public const string Name = "spirals";

    /// <summary>Rows generated (half per class, classes alternating).</summary>
    public const int Rows = 1000;

    /// <summary>Coordinates per point.</summary>
    public const int Features = 2;

    /// <summary>Number of spiral arms, one per class.</summary>
    public const int Classes = 2;

    /// <summary>Full turns each arm makes from the centre to its end.</summary>
    public const double Turns = 1.5;

    /// <summary>Radius at the end of each arm.</summary>
    public const double MaxRadius = 3.0;

    /// <summary>Standard deviation of the Gaussian noise added to each coordinate.</summary>
    public const double NoiseStd = 0.2;

    /// <summary>Builds the table for <paramref name="dataSeed"/>; equal seeds give identical tables.</summary>
    public static Dataset Generate(long dataSeed)
    {
        var rng = DeterministicRandom.ForStream(dataSeed, DataRandomStreams.Spirals);
        var inputs = new float[Rows * Features];
        var labels = new int[Rows];
        for (var row = 0; row < Rows; row++)
        {
            var label = row % Classes;
            var t = rng.NextDouble();
            var radius = MaxRadius * t;
            var angle = 2 * Math.PI * Turns * t + label * (2 * Math.PI / Classes);
            inputs[row * Features] = (float)(radius * Math.Cos(angle) + NoiseStd * rng.NextGaussian());
            inputs[row * Features + 1] = (float)(radius * Math.Sin(angle) + NoiseStd * rng.NextGaussian());
            labels[row] = label;
        }
        return new Dataset(Name, TaskKind.Classification, inputs, Features, labels, null, Classes);
    }
}
