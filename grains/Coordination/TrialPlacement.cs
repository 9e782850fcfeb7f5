// Where the next trial goes: the live silo with the most free slots (ties: the lower address, so the choice is
// deterministic). Plain C#, so the spreading rule is unit-tested without a cluster.
namespace SweepCluster.Grains.Coordination;

public static class TrialPlacement
{
    /// <summary>
    /// The silo with the most free slots, or null when every slot is taken.
    /// <paramref name="slots"/>: live silo → its slot count; <paramref name="load"/>: silo → trials in flight there.
    /// </summary>
    public static string? Choose(IReadOnlyDictionary<string, int> slots, IReadOnlyDictionary<string, int> load)
    {
        string? best = null;
        var bestFree = 0;
        foreach (var (silo, capacity) in slots.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var free = capacity - load.GetValueOrDefault(silo);
            if (free > bestFree) (best, bestFree) = (silo, free);
        }
        return best;
    }
}
