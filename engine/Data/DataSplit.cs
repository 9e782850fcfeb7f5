// Splits a dataset into training and validation rows with a permutation drawn from the data seed.
// Validation gets round(rows·fraction) rows (half away from zero), clamped so that it has at least one row when
// the fraction is positive and there are two or more rows, and training always keeps at least one row.
// Validation takes the first rows of the permutation, training the rest, each copied in permutation order.
// Deliberately does not: stratify by class, standardize (Standardizer does), or cache.
namespace SweepCluster.Engine.Data;

/// <summary>Deterministic train/validation split.</summary>
public static class DataSplit
{
    /// <summary>Splits <paramref name="data"/>; fraction 0 returns <c>(data, null)</c>.</summary>
    /// <param name="data">The full dataset (not modified).</param>
    /// <param name="validationFraction">Share of rows held out, in [0, 1).</param>
    /// <param name="dataSeed">Seed of the permutation: equal seeds give equal splits.</param>
    /// <returns>New datasets named "&lt;name&gt;[train]" and "&lt;name&gt;[validation]"; validation is null when no row is held out.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside [0, 1) or not a number.</exception>
    public static (Dataset Train, Dataset? Validation) Split(Dataset data, double validationFraction, long dataSeed)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(validationFraction >= 0 && validationFraction < 1))
            throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "must be in [0, 1)");

        var validationRows = ValidationRowCount(data.Rows, validationFraction);
        if (validationRows == 0) return (data, null);

        var permutation = new int[data.Rows];
        for (var i = 0; i < permutation.Length; i++) permutation[i] = i;
        DeterministicRandom.ForStream(dataSeed, DataRandomStreams.Split).Shuffle(permutation);

        var validation = DatasetRows.Select(data, permutation.AsSpan(0, validationRows), $"{data.Name}[validation]");
        var train = DatasetRows.Select(data, permutation.AsSpan(validationRows), $"{data.Name}[train]");
        return (train, validation);
    }

    /// <summary>round(rows·fraction), at least 1 when fraction &gt; 0 and rows ≥ 2, at most rows − 1.</summary>
    public static int ValidationRowCount(int rows, double validationFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (validationFraction <= 0 || rows < 2) return 0;
        var rounded = (int)Math.Round(rows * validationFraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(rounded, 1, rows - 1);
    }
}
