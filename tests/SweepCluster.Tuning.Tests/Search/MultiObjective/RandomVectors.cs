// Random objective vectors for the property tests: values on a small integer grid so that ties and duplicates are
// common (where sorting, crowding and promotion are easiest to get wrong), from a seeded generator.
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

internal static class RandomVectors
{
    /// <summary>n vectors of m values, each an integer in [0, levels).</summary>
    public static ObjectiveVector[] Of(Random random, int n, int m, int levels) =>
        Enumerable.Range(0, n).Select(_ => new ObjectiveVector(Enumerable.Range(0, m).Select(_ => (double)random.Next(levels)))).ToArray();
}
