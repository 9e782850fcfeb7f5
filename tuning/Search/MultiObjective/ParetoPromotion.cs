// The promotion rule of multi-objective successive halving by front peeling (Schmucker et al. 2021, "Multi-objective
// asynchronous successive halving", the NSGA-II-style selection): of the n results at a rung, the top ⌊n/η⌋ are the
// ⌊n/η⌋ kept by ParetoTruncation — whole non-dominated fronts in rank order, the first front that does not fit cut by
// crowding distance. Guarantees, for n results and k = ⌊n/η⌋:
//   - exactly k trials are promotable;
//   - every trial on the rung's Pareto front is promotable when the front has at most k trials; when it has more, all
//     k promotable trials are on it, the objectives' extremes first;
//   - no promotable trial is dominated by a trial that is not;
//   - the set depends only on the set of (trial index, vector) pairs, not on their order (ties are settled by a fixed
//     rule on trial indices).
// With one objective it is single-objective successive halving's top ⌊n/η⌋ (among equal values, that fixed rule).
// That is the default rule, ParetoPromotionRule.FrontPeeling. Under ParetoPromotionRule.FrontKeeping with tolerance ε
// (EpsilonDominance, ε relative to each objective's range over the rung's results), with F = the results no other
// result ε-dominates:
//   - exactly max(⌊n/η⌋, |F|) trials are promotable, every trial of F among them; with ε = 0, F is the Pareto front,
//     so a trial is never pruned while no other trial at its rung dominates it;
//   - the rest are the best of the others by front peeling and crowding (F is closed under dominance, so again no
//     promotable trial is dominated by a trial that is not);
//   - permutation invariance as above.
// A pure function of the rung's results, so an ITrialScheduler can call it as results arrive (asynchronous, as
// AshaScheduler's rule: the top ⌊n/η⌋ of the results so far, minus those already promoted) or once per complete rung.
// It keeps no state and does not know about rungs' epochs, pausing or pruning.
using SweepCluster.Core;

namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>One trial's objective vector at a rung.</summary>
/// <param name="TrialIndex">The trial: unique among a rung's results.</param>
/// <param name="Objectives">Its objective values at the rung, in the order of the goals.</param>
public sealed record RungResult(int TrialIndex, ObjectiveVector Objectives);

/// <summary>Multi-objective successive halving's promotion rule.</summary>
public static class ParetoPromotion
{
    /// <summary>How many of <paramref name="results"/> results are promotable: ⌊results/η⌋.</summary>
    public static int Count(int results, int eta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(eta, 2);
        return results / eta;
    }

    /// <summary>The trial indices of the top ⌊n/η⌋ of the rung's <paramref name="results"/>, in increasing order.</summary>
    /// <exception cref="ArgumentException">Two results of one trial, a vector of the wrong length, or a value that is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">η &lt; 2.</exception>
    public static IReadOnlyList<int> Promotable(IReadOnlyList<RungResult> results, IReadOnlyList<MetricGoal> goals, int eta) =>
        Promotable(results, goals, eta, ParetoPromotionRule.FrontPeeling, epsilon: 0);

    /// <summary>The trial indices the rung's <paramref name="results"/> promote under <paramref name="rule"/>, in increasing order.</summary>
    /// <param name="epsilon">FrontKeeping's tolerance, relative to each objective's range at the rung (0: Pareto dominance); must be 0 under FrontPeeling.</param>
    /// <exception cref="ArgumentException">Two results of one trial, a vector of the wrong length, a value that is not finite, or ε ≠ 0 under FrontPeeling.</exception>
    /// <exception cref="ArgumentOutOfRangeException">η &lt; 2, or ε negative or not finite.</exception>
    public static IReadOnlyList<int> Promotable(IReadOnlyList<RungResult> results, IReadOnlyList<MetricGoal> goals, int eta, ParetoPromotionRule rule, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Keep(results, goals, Count(results.Count, eta), rule, epsilon);
    }

    /// <summary>The trial indices of <paramref name="k"/> of <paramref name="results"/> kept under <paramref name="rule"/>
    /// (front keeping may keep more: every result nothing ε-dominates), in increasing order.</summary>
    /// <exception cref="ArgumentException">As <see cref="Promotable(IReadOnlyList{RungResult}, IReadOnlyList{MetricGoal}, int, ParetoPromotionRule, double)"/>.</exception>
    public static IReadOnlyList<int> Keep(IReadOnlyList<RungResult> results, IReadOnlyList<MetricGoal> goals, int k, ParetoPromotionRule rule, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (rule == ParetoPromotionRule.FrontPeeling && epsilon != 0) throw new ArgumentException("front peeling takes no ε", nameof(epsilon));
        var canonical = results.OrderBy(r => r.TrialIndex).ToArray();
        for (var i = 1; i < canonical.Length; i++)
            if (canonical[i].TrialIndex == canonical[i - 1].TrialIndex) throw new ArgumentException($"two results of trial {canonical[i].TrialIndex}", nameof(results));
        var rows = MinimizedObjectives.Of(canonical.Select(r => r.Objectives).ToArray(), goals);
        var kept = rule switch
        {
            ParetoPromotionRule.FrontPeeling => ParetoTruncation.Keep(rows, k),
            ParetoPromotionRule.FrontKeeping => ParetoTruncation.KeepAll(rows, EpsilonDominance.NotDominated(rows, epsilon), k),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown promotion rule"),
        };
        return kept.Select(i => canonical[i].TrialIndex).ToArray();
    }

    /// <summary>True when <paramref name="trialIndex"/> is among the top ⌊n/η⌋ of the rung's <paramref name="results"/>.</summary>
    public static bool IsPromotable(int trialIndex, IReadOnlyList<RungResult> results, IReadOnlyList<MetricGoal> goals, int eta) =>
        Promotable(results, goals, eta).Contains(trialIndex);
}
