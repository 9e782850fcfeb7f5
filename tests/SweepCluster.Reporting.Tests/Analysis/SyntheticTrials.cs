// Synthetic trials for the analysis tests: points drawn by a seeded System.Random and an objective applied to each.
// It draws only; the tests say what the objective is and what they expect.
namespace SweepCluster.Reporting.Tests.Analysis;

/// <summary>points: (trials, dimensions) and values: (trials) of a synthetic sweep.</summary>
internal sealed record SyntheticTrials(List<double[]> Points, List<double> Values)
{
    /// <summary><paramref name="trials"/> points, coordinate j drawn by draw(random, j), each valued by <paramref name="objective"/>.</summary>
    public static SyntheticTrials Draw(
        int trials, int dimensions, int seed, Func<Random, int, double> draw, Func<double[], double> objective)
    {
        var random = new Random(seed);
        var points = new List<double[]>(trials);
        var values = new List<double>(trials);
        for (var t = 0; t < trials; t++)
        {
            var point = new double[dimensions];
            for (var j = 0; j < dimensions; j++) point[j] = draw(random, j);
            points.Add(point);
            values.Add(objective(point));
        }

        return new SyntheticTrials(points, values);
    }

    /// <summary>Every coordinate uniform in [0, 1).</summary>
    public static SyntheticTrials Uniform(int trials, int dimensions, int seed, Func<double[], double> objective) =>
        Draw(trials, dimensions, seed, (random, _) => random.NextDouble(), objective);
}
