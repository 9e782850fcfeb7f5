// The report's Pareto front of a multi-objective sweep: each combination's mean of every objective over its completed
// seeds (a seed counts when all its objective values are finite; a combination with no such seed is left out), then
// the combinations of front rank 0 by tuning's non-dominated sorting, sorted by the primary objective. Equal mean
// vectors dominate neither each other, so ties are all kept. Pure and deterministic; it does not cut the front.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Reporting;

internal static class ParetoFrontBuilder
{
    /// <summary>The front; null for a single-objective sweep (no <paramref name="objectives"/>).</summary>
    /// <param name="ranking">The whole ranking, for each combination's rank and axes.</param>
    /// <param name="primary">The objective the rows are sorted by: the sweep metric.</param>
    public static ParetoFront? Build(IReadOnlyList<TrialEntry> entries, IReadOnlyList<RankingRow> ranking,
        IReadOnlyList<MetricSpec>? objectives, MetricSpec primary)
    {
        if (objectives is not { Count: > 0 }) return null;
        var candidates = entries
            .GroupBy(e => e.Combination)
            .Select(seeds => (Combination: seeds.Key, Values: seeds.OrderBy(e => e.Index).Select(e => ValuesOf(e, objectives)).OfType<double[]>().ToArray()))
            .Where(c => c.Values.Length > 0)
            .OrderBy(c => c.Combination)
            .Select(c => (c.Combination, Means: Enumerable.Range(0, objectives.Count).Select(j => c.Values.Average(v => v[j])).ToArray(), Seeds: c.Values.Length))
            .ToArray();
        var goals = objectives.Select(o => o.Goal).ToArray();
        var ranks = candidates.Length > 0 ? NonDominatedSorting.Ranks(candidates.Select(c => new ObjectiveVector(c.Means)).ToArray(), goals) : [];
        var rows = ranking.ToDictionary(row => row.Combination);
        var sortBy = Math.Max(0, objectives.ToList().FindIndex(o => o.Name == primary.Name));
        var front = candidates
            .Where((_, i) => ranks[i] == 0)
            .Select(c => new ParetoFrontRow(rows[c.Combination].Rank, c.Combination, rows[c.Combination].Axes, c.Means, c.Seeds))
            .OrderBy(row => objectives[sortBy].Goal == MetricGoal.Maximize ? -row.Means[sortBy] : row.Means[sortBy])
            .ThenBy(row => row.Combination)
            .ToArray();
        return new ParetoFront(objectives, objectives[sortBy], candidates.Length, front);
    }

    /// <summary>A completed trial's value of every objective at its last epoch (from its history when it has one, else
    /// from the coordinator's summary); null when it did not complete or any value is missing or not finite.</summary>
    private static double[]? ValuesOf(TrialEntry entry, IReadOnlyList<MetricSpec> objectives)
    {
        if (entry is not { Status: TrialStatus.Completed, Result: { } result }) return null;
        var values = result.History.Count > 0
            ? objectives.Select(o => o.ValueOf(result.History[^1]) ?? double.NaN).ToArray()
            : result.Objectives?.ToArray();
        return values is not null && values.Length == objectives.Count && values.All(double.IsFinite) ? values : null;
    }
}
