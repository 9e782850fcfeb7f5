// The conditional structure of a space as seen in its trials, Optuna's group decomposition (_GroupDecomposedSearchSpace,
// _SearchSpaceGroup.add_distributions): start with no groups; for each trial's set of dimensions S, split every group
// g into g ∩ S and g \ S, and add the dimensions of S in no group yet as a new group; drop empty ones. Dimensions that
// always occur together end up in one group, so a schedule family's own parameters form a group of their own.
// It does not sample.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Groups of dimension keys that occur together.</summary>
internal static class TpeGroups
{
    /// <summary>The groups of the key sets of <paramref name="trials"/>, each group and the list ordered by
    /// <paramref name="order"/> (the dimensions' position in the space), so the result does not depend on set order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(IEnumerable<IEnumerable<string>> trials, IReadOnlyDictionary<string, int> order)
    {
        var groups = new List<HashSet<string>>();
        // Applying a key set twice changes nothing and the final groups do not depend on the order, so each distinct
        // set is applied once (a thousand trials of a conditional space have only a few distinct sets).
        var distinct = trials.Select(trial => trial.OrderBy(key => order[key]).ToArray()).DistinctBy(keys => string.Join('\n', keys));
        foreach (var trial in distinct)
        {
            var unplaced = new HashSet<string>(trial, StringComparer.Ordinal);
            var next = new List<HashSet<string>>();
            foreach (var group in groups)
            {
                next.Add(new HashSet<string>(group.Where(unplaced.Contains), StringComparer.Ordinal));
                next.Add(new HashSet<string>(group.Where(key => !unplaced.Contains(key)), StringComparer.Ordinal));
                unplaced.ExceptWith(group);
            }
            next.Add(unplaced);
            groups = next.Where(group => group.Count > 0).ToList();
        }
        return groups
            .Select(group => (IReadOnlyList<string>)group.OrderBy(key => order[key]).ToArray())
            .OrderBy(group => order[group[0]])
            .ToArray();
    }
}
