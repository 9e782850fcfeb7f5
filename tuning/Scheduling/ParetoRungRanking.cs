// Which trials of a rung multi-objective successive halving promotes (promotion: pareto or pareto_front), for
// AshaScheduler and each Hyperband bracket: a trial's objective vector at the rung is read from its epoch record (the
// cost `steps` projected to the whole run), and
// the rung's vectors are ranked by ParetoPromotion. A trial missing a value at the rung (no validation split, a
// diverged run: NaN or ±∞) ranks after every trial with all its values: it is promoted only when fewer than ⌊n/η⌋
// complete vectors exist, lowest trial index first. Pure: a function of the rung's (trial, vector) pairs.
using System.Collections.Immutable;
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Pareto promotion at a rung over a sweep's objectives.</summary>
public sealed class ParetoRungRanking
{
    private readonly IReadOnlyList<MetricSpec> _objectives;
    private readonly MetricGoal[] _goals;
    private readonly ParetoPromotionRule _rule;
    private readonly double _epsilon;

    /// <param name="promotion"><see cref="RungPromotion.Pareto"/> or <see cref="RungPromotion.ParetoFront"/>.</param>
    /// <param name="epsilon">pareto_front's tolerance (0 under pareto).</param>
    public ParetoRungRanking(IReadOnlyList<MetricSpec> objectives, RungPromotion promotion, double epsilon)
    {
        ArgumentNullException.ThrowIfNull(objectives);
        if (objectives.Count < 2) throw new ArgumentException("Pareto promotion needs two or more objectives", nameof(objectives));
        _objectives = objectives;
        _goals = [.. objectives.Select(o => o.Goal)];
        (_rule, _epsilon) = promotion switch
        {
            RungPromotion.Pareto => (ParetoPromotionRule.FrontPeeling, 0.0),
            RungPromotion.ParetoFront => (ParetoPromotionRule.FrontKeeping, epsilon),
            _ => throw new ArgumentOutOfRangeException(nameof(promotion), promotion, "not a Pareto promotion rule"),
        };
    }

    /// <summary>What a promoted trial is among, e.g. "the top 1/3 by Pareto rank (val_accuracy ↑, steps ↓)".</summary>
    public string Criterion(int eta)
    {
        var top = $"the top 1/{eta} by Pareto rank ({Describe()})";
        if (_rule == ParetoPromotionRule.FrontPeeling) return top;
        var front = _epsilon == 0 ? "the rung's Pareto front" : $"the rung's Pareto front (ε {_epsilon.ToString("G4", CultureInfo.InvariantCulture)})";
        return $"{front} or {top}";
    }

    /// <summary>The sweep's objectives, in spec order.</summary>
    public IReadOnlyList<MetricSpec> Objectives => _objectives;

    /// <summary>
    /// The trial's objective values at <paramref name="record"/>'s epoch; a missing value is NaN. The cost objective
    /// <c>steps</c> is the whole run's, projected from the steps so far: steps ÷ epochs done × <paramref name="plannedEpochs"/>
    /// (exact for a fixed batch size), so that a trial planned for more epochs does not look as cheap as a short one
    /// at a shared rung.
    /// </summary>
    public ImmutableArray<double> VectorOf(EpochRecord record, int plannedEpochs)
    {
        ArgumentNullException.ThrowIfNull(record);
        return [.. _objectives.Select(objective => objective.Name == MetricName.Steps
            ? (double)record.Step / Math.Max(1, record.Epoch) * plannedEpochs
            : objective.ValueOf(record) ?? double.NaN)];
    }

    /// <summary>The promoted trials of a rung whose results are <paramref name="vectors"/> (trial → vector), in increasing order.</summary>
    public IReadOnlyList<int> Promotable(IReadOnlyDictionary<int, ImmutableArray<double>> vectors, int eta)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var k = ParetoPromotion.Count(vectors.Count, eta);
        var complete = vectors.Where(p => IsComplete(p.Value)).Select(p => new RungResult(p.Key, new ObjectiveVector(p.Value))).ToArray();
        var kept = ParetoPromotion.Keep(complete, _goals, k, _rule, _epsilon).ToList();
        kept.AddRange(vectors.Where(p => !IsComplete(p.Value)).Select(p => p.Key).Order().Take(k - kept.Count));
        return [.. kept.Order()];
    }

    /// <summary>The lowest-numbered trial whose vector at the rung dominates <paramref name="trial"/>'s; null when none does.</summary>
    public int? DominatorOf(int trial, IReadOnlyDictionary<int, ImmutableArray<double>> vectors)
    {
        if (!vectors.TryGetValue(trial, out var vector) || !IsComplete(vector)) return null;
        var own = new ObjectiveVector(vector);
        return vectors.Where(p => p.Key != trial && IsComplete(p.Value) && ParetoDominance.Dominates(new ObjectiveVector(p.Value), own, _goals))
            .Select(p => (int?)p.Key).Min();
    }

    /// <summary>The objectives with their goals, e.g. "val_accuracy ↑, steps ↓".</summary>
    public string Describe() => string.Join(", ", _objectives.Select(o => $"{Core.Specs.SpecNames.Of(o.Name)} {(o.Goal == MetricGoal.Maximize ? "↑" : "↓")}"));

    /// <summary>A vector as text in the objectives' order, e.g. "val_accuracy 0.912, steps 300".</summary>
    public string Describe(ImmutableArray<double> vector) =>
        string.Join(", ", _objectives.Select((o, j) => $"{Core.Specs.SpecNames.Of(o.Name)} {vector[j].ToString("G4", CultureInfo.InvariantCulture)}"));

    private static bool IsComplete(ImmutableArray<double> vector) => vector.All(double.IsFinite);
}
