// The rows a regression forest is fitted on, already encoded (log dimensions in log space, categories as indices), with
// the box each feature is measured over and every feature's rows presorted once for all trees. It does not encode,
// filter or validate trial data (FanovaImportance does) and it fits nothing.
namespace SweepCluster.Reporting.Analysis;

/// <summary>Encoded training rows, their search box and a per-feature sort order shared by every tree.</summary>
internal sealed class ForestData
{
    /// <param name="x">x: (features, rows), column-major: feature f of row r at x[f·rows + r]. Finite.</param>
    /// <param name="y">y: (rows). Finite.</param>
    /// <param name="low">low: (features), the box's lower bounds; every x of the feature is ≥ it.</param>
    /// <param name="high">high: (features), the box's upper bounds; every x of the feature is ≤ it; high &gt; low.</param>
    /// <param name="categorical">categorical: (features); true: x holds category indices 0, 1, … and the box is
    /// [−0.5, categories − 0.5], so a split between adjacent categories gives each the same width.</param>
    public ForestData(double[] x, double[] y, double[] low, double[] high, bool[] categorical)
    {
        Rows = y.Length;
        Features = low.Length;
        if (x.Length != Rows * Features) throw new ArgumentException("x must hold (features, rows) values", nameof(x));
        if (high.Length != Features || categorical.Length != Features)
            throw new ArgumentException("low, high and categorical must have one entry per feature", nameof(high));
        X = x;
        Y = y;
        Low = low;
        High = high;
        Categorical = categorical;
        SortedRows = SortRowsByFeature();
    }

    public int Rows { get; }

    public int Features { get; }

    /// <summary>x: (features, rows), column-major.</summary>
    public double[] X { get; }

    /// <summary>y: (rows).</summary>
    public double[] Y { get; }

    /// <summary>low: (features).</summary>
    public double[] Low { get; }

    /// <summary>high: (features).</summary>
    public double[] High { get; }

    /// <summary>categorical: (features).</summary>
    public bool[] Categorical { get; }

    /// <summary>sortedRows: (features, rows): each feature's row indices by ascending value, ties by row index.</summary>
    public int[] SortedRows { get; }

    public double ValueAt(int feature, int row) => X[feature * Rows + row];

    /// <summary>Sorts by value with the primitive key sort, then puts each run of equal values back in row order.</summary>
    private int[] SortRowsByFeature()
    {
        var sorted = new int[Features * Rows];
        var keys = new double[Rows];
        for (var f = 0; f < Features; f++)
        {
            var rows = sorted.AsSpan(f * Rows, Rows);
            for (var r = 0; r < Rows; r++) rows[r] = r;
            X.AsSpan(f * Rows, Rows).CopyTo(keys);
            keys.AsSpan().Sort(rows);
            for (int runStart = 0, runEnd; runStart < Rows; runStart = runEnd)
            {
                runEnd = runStart + 1;
                while (runEnd < Rows && keys[runEnd] == keys[runStart]) runEnd++;
                if (runEnd - runStart > 1) rows[runStart..runEnd].Sort();
            }
        }

        return sorted;
    }
}
