// Caps how many trials a per-trial chart draws: up to the cap, every trial; above it, the best trials plus an evenly
// spaced sample of the rest (by trial index), so the chart stays readable and the page small. Chooses only.
using System.Globalization;
using SweepCluster.Core;

namespace SweepCluster.Reporting.Charts;

/// <summary>The trials a chart draws, and the note that says how they were chosen.</summary>
internal static class TrialSample
{
    /// <summary>The most trials a per-trial chart draws.</summary>
    public const int MaxTrialsDrawn = 200;

    /// <summary>Above <see cref="MaxTrialsDrawn"/>, how many of the best trials are always drawn.</summary>
    public const int TopTrialsDrawn = 50;

    /// <summary>The trials to draw, by trial index: all of them up to <paramref name="cap"/>, else the
    /// <paramref name="top"/> best by <see cref="TrialRun.RankingValue"/> and an evenly spaced sample of the others.</summary>
    public static IReadOnlyList<TrialRun> Of(IReadOnlyList<TrialRun> trials, MetricGoal goal, int cap = MaxTrialsDrawn, int top = TopTrialsDrawn)
    {
        ArgumentNullException.ThrowIfNull(trials);
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(top, cap);
        if (trials.Count <= cap) return trials;
        var best = trials.Where(t => t.RankingValue(goal) is not null)
            .OrderBy(t => goal == MetricGoal.Maximize ? -t.RankingValue(goal)!.Value : t.RankingValue(goal)!.Value)
            .ThenBy(t => t.Index)
            .Take(top)
            .ToArray();
        var chosen = best.Select(t => t.Index).ToHashSet();
        var rest = trials.Where(t => !chosen.Contains(t.Index)).ToArray();
        var wanted = cap - best.Length;
        var sample = Enumerable.Range(0, wanted).Select(i => rest[(int)((long)i * rest.Length / wanted)]);
        return best.Concat(sample).OrderBy(t => t.Index).ToArray();
    }

    /// <summary>What a capped chart says about its trials; null when it draws every one.</summary>
    public static string? Note(int drawn, int total, int top = TopTrialsDrawn) => drawn >= total ? null
        : string.Create(CultureInfo.InvariantCulture,
            $"{drawn} of {total} trials drawn: the {top} best and an evenly spaced sample of the rest (by trial index).");
}
