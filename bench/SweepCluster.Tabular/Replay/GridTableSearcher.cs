// Grid search over a table's space: every configuration once, in a seeded random order (as Optuna's GridSampler).
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Replay;

/// <summary>Proposes each configuration of the grid exactly once, in an order shuffled by the seed; then nothing.</summary>
public sealed class GridTableSearcher(int seed) : ITableSearcher
{
    private readonly Random _random = new(seed);
    private TableConfiguration[]? _order;
    private int _next;

    public TableConfiguration? Propose(ReplayView view)
    {
        if (_order is null)
        {
            _order = view.Space.Enumerate().ToArray();
            _random.Shuffle(_order);
        }
        return _next < _order.Length ? _order[_next++] : null;
    }
}
