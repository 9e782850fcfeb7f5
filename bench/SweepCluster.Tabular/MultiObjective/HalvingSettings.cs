// The shape of one synchronous successive-halving run: the rungs (epochs at which results are compared), η, the
// objectives a rung ranks by, how many it promotes (ParetoPromotion's rule and its tolerance ε) and which accuracy
// stands for a trial at a rung. Data only.
using System.Globalization;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tabular.MultiObjective;

/// <summary>Successive halving's settings.</summary>
/// <param name="Rungs">Epochs of the rungs, increasing, each ≥ 1 and below the table's epochs (e.g. 1, 3, 9 of 27).</param>
/// <param name="Eta">Each rung promotes ⌊n/η⌋ of its n results (≥ 2), or more under front keeping.</param>
/// <param name="Rule">What a rung ranks by.</param>
public sealed record HalvingSettings(IReadOnlyList<int> Rungs, int Eta, RungRule Rule)
{
    /// <summary>How many a rung promotes: ⌊n/η⌋ (front peeling) or every trial not ε-dominated as well (front keeping).</summary>
    public ParetoPromotionRule Promotion { get; init; } = ParetoPromotionRule.FrontPeeling;

    /// <summary>Front keeping's ε, relative to each objective's range at the rung; 0 under front peeling.</summary>
    public double Epsilon { get; init; }

    /// <summary>The accuracy a rung compares.</summary>
    public RungAccuracy Accuracy { get; init; } = RungAccuracy.AtRung;

    /// <summary>Rungs 1, 3, 9 and η 3 (Hyperband's budgets on a 27-epoch table).</summary>
    public static HalvingSettings Default(RungRule rule) => new([1, 3, 9], 3, rule);

    public override string ToString()
    {
        var rule = Rule == RungRule.AccuracyOnly ? "accuracy" : Promotion == ParetoPromotionRule.FrontPeeling ? "pareto" : "keep";
        if (Epsilon > 0) rule += " ε" + Epsilon.ToString("0.###", CultureInfo.InvariantCulture);
        if (Accuracy == RungAccuracy.BestSoFar) rule += " best";
        return $"{rule} rungs {string.Join(",", Rungs)} η {Eta}";
    }
}
