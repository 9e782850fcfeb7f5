// The shape of one synchronous successive-halving run: the rungs (epochs at which results are compared), η, and the
// rule a rung promotes by. Data only.
namespace SweepCluster.Tabular.MultiObjective;

/// <summary>Successive halving's settings.</summary>
/// <param name="Rungs">Epochs of the rungs, increasing, each ≥ 1 and below the table's epochs (e.g. 1, 3, 9 of 27).</param>
/// <param name="Eta">Each rung promotes ⌊n/η⌋ of its n results (≥ 2).</param>
/// <param name="Rule">What a rung ranks by.</param>
public sealed record HalvingSettings(IReadOnlyList<int> Rungs, int Eta, RungRule Rule)
{
    /// <summary>Rungs 1, 3, 9 and η 3 (Hyperband's budgets on a 27-epoch table).</summary>
    public static HalvingSettings Default(RungRule rule) => new([1, 3, 9], 3, rule);

    public override string ToString() => $"{(Rule == RungRule.Pareto ? "pareto" : "accuracy")} rungs {string.Join(",", Rungs)} η {Eta}";
}
