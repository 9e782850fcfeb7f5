// ε-dominance with ε relative to the objectives' ranges: b ε-dominates a when b is at least as good as a in every
// objective and better by more than ε × (that objective's range over the compared set) in at least one. With ε = 0 it
// is Pareto dominance. It is stricter than dominance (b ε-dominates a ⇒ b dominates a), so the set that nothing
// ε-dominates contains the Pareto front, and it is closed under dominance: if b dominates a and a is not ε-dominated,
// neither is b (whatever ε-dominated b would, through b, ε-dominate a). A rung's results are noisy estimates of the
// final objectives; ε is the difference treated as decisive. It does not rank or promote.
namespace SweepCluster.Tuning.Search.MultiObjective;

internal static class EpsilonDominance
{
    /// <summary>kept (n): true for each minimised row of rows (n, m) that no other row ε-dominates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ε negative or not finite.</exception>
    public static bool[] NotDominated(double[][] rows, double epsilon)
    {
        if (!double.IsFinite(epsilon) || epsilon < 0) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be finite and ≥ 0");
        var n = rows.Length;
        var kept = new bool[n];
        if (n == 0) return kept;
        var margins = Margins(rows, epsilon);
        for (var a = 0; a < n; a++)
        {
            kept[a] = true;
            for (var b = 0; b < n && kept[a]; b++)
                if (b != a && Dominates(rows[b], rows[a], margins)) kept[a] = false;
        }
        return kept;
    }

    /// <summary>margins (m): ε × (max − min) of each column.</summary>
    private static double[] Margins(double[][] rows, double epsilon)
    {
        var margins = new double[rows[0].Length];
        for (var j = 0; j < margins.Length; j++)
        {
            var column = rows.Select(r => r[j]).ToArray();
            margins[j] = epsilon * (column.Max() - column.Min());
        }
        return margins;
    }

    /// <summary>b ≤ a everywhere and b &lt; a − margin somewhere (minimised rows).</summary>
    private static bool Dominates(double[] b, double[] a, double[] margins)
    {
        var decisively = false;
        for (var j = 0; j < a.Length; j++)
        {
            if (b[j] > a[j]) return false;
            if (b[j] < a[j] - margins[j]) decisively = true;
        }
        return decisively;
    }
}
