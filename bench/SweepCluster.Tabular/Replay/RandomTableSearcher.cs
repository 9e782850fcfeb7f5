// Random search over a table's space: each active dimension's choice uniformly at random, independently.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>Samples every active dimension uniformly among its choices (Optuna's RandomSampler on the same space).</summary>
public sealed class RandomTableSearcher(int seed) : ITableSearcher
{
    private readonly Random _random = new(seed);

    public TableConfiguration? Propose(ReplayView view) => view.Space.Build((_, dimension) => _random.Next(dimension.Choices.Count));
}
