// Carves a held-out test split from a dataset with a permutation drawn from the data seed, before the validation
// split (DataSplit) divides what is left. It takes round(rows·fraction) rows with DataSplit's rounding and bounds
// (at least one row for a positive fraction, and always one row left), from its own random stream, so the test rows
// depend only on the data, the seed and the fraction. Both parts keep the rows' original order.
// Deliberately does not: stratify by class, standardize, or split validation rows.
namespace SweepCluster.Engine.Data;

/// <summary>Deterministic held-out test split.</summary>
public static class HeldOutSplit
{
    /// <summary>Splits <paramref name="data"/> into the rows left for training and validation, and the test rows;
    /// fraction 0 returns <c>(data, null)</c>.</summary>
    /// <param name="data">The full dataset (not modified).</param>
    /// <param name="testFraction">Share of rows held out, in [0, 1).</param>
    /// <param name="dataSeed">Seed of the permutation: equal seeds give equal splits.</param>
    /// <returns>The remaining rows (named as <paramref name="data"/>) and "&lt;name&gt;[test]"; test is null when no row is held out.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1) or not a number.</exception>
    public static (Dataset Remaining, Dataset? Test) Carve(Dataset data, double testFraction, long dataSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(testFraction >= 0 && testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "must be in [0, 1)");

        var testRows = DataSplit.ValidationRowCount(data.Rows, testFraction);
        if (testRows == 0) return (data, null);

        var permutation = new int[data.Rows];
        for (var i = 0; i < permutation.Length; i++) permutation[i] = i;
        DeterministicRandom.ForStream(dataSeed, DataRandomStreams.Test).Shuffle(permutation);
        var test = permutation.AsSpan(0, testRows);
        var rest = permutation.AsSpan(testRows);
        test.Sort();
        rest.Sort();
        return (DatasetRows.Select(data, rest, data.Name), DatasetRows.Select(data, test, $"{data.Name}[test]"));
    }

    /// <summary>The validation fraction of the rows left after the test split that keeps it the same share of the whole.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The two fractions together are not below 1.</exception>
    public static double ValidationShareOfRest(double validationFraction, double testFraction)
    {
        if (!(validationFraction + testFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "test + validation must be < 1");
        return testFraction <= 0 ? validationFraction : validationFraction / (1 - testFraction);
    }
}
