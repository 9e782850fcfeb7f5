// Several curves on one character grid, for terminals: each series draws its own glyph at the row nearest its value
// in every column, over a shared x and y range, so curves of different sweeps can be read against each other. It
// knows nothing of sweeps or colour; the terminal writer labels the axes and colours the glyphs.
namespace SweepCluster.Reporting.Compare;

/// <summary>One curve: points (x ascending) drawn with <see cref="Glyph"/>.</summary>
public sealed record PlotSeries(string Label, char Glyph, IReadOnlyList<(double X, double Y)> Points);

/// <summary>A plotted grid: <see cref="Cells"/>[row][column] is the index of the series drawn there, or −1; row 0 is the top.</summary>
/// <param name="YLow">The value of the bottom row.</param>
/// <param name="YHigh">The value of the top row.</param>
/// <param name="XLow">The x of the first column.</param>
/// <param name="XHigh">The x of the last column.</param>
public sealed record PlotGrid(int[][] Cells, double YLow, double YHigh, double XLow, double XHigh);

/// <summary>Lays curves out on a character grid.</summary>
public static class TextCurvePlot
{
    /// <summary>No series is drawn in this cell.</summary>
    public const int Empty = -1;

    /// <summary>
    /// The grid of <paramref name="rows"/> × <paramref name="columns"/> cells over every series' finite points: a
    /// column's value is the series interpolated linearly at the column's x (nothing outside the series' own x range);
    /// where two series meet, the later one shows. Null when no series has a finite point.
    /// </summary>
    public static PlotGrid? Lay(IReadOnlyList<PlotSeries> series, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        var finite = series.Select(s => s.Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).OrderBy(p => p.X).ToArray()).ToArray();
        var all = finite.SelectMany(p => p).ToArray();
        if (all.Length == 0) return null;

        var (xLow, xHigh) = Widened(all.Min(p => p.X), all.Max(p => p.X));
        var (yLow, yHigh) = Widened(all.Min(p => p.Y), all.Max(p => p.Y));
        var cells = Enumerable.Range(0, rows).Select(_ => Enumerable.Repeat(Empty, columns).ToArray()).ToArray();
        for (var s = 0; s < finite.Length; s++)
        {
            for (var column = 0; column < columns; column++)
            {
                var x = xLow + (xHigh - xLow) * column / (columns - 1);
                if (Interpolate(finite[s], x) is not { } y) continue;
                var row = (int)Math.Round((yHigh - y) / (yHigh - yLow) * (rows - 1));
                cells[row][column] = s;
            }
        }
        return new PlotGrid(cells, yLow, yHigh, xLow, xHigh);
    }

    /// <summary>A range of one value becomes a range around it, so a flat curve sits in the middle.</summary>
    private static (double Low, double High) Widened(double low, double high) =>
        high > low ? (low, high) : (low - Math.Max(Math.Abs(low), 1) / 2, high + Math.Max(Math.Abs(high), 1) / 2);

    /// <summary>The series' value at <paramref name="x"/>, or null outside its points' range.</summary>
    private static double? Interpolate((double X, double Y)[] points, double x)
    {
        if (points.Length == 0 || x < points[0].X || x > points[^1].X) return null;
        for (var i = 1; i < points.Length; i++)
        {
            if (x > points[i].X) continue;
            var (x0, y0) = points[i - 1];
            var (x1, y1) = points[i];
            return x1 == x0 ? y1 : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
        }
        return points[^1].Y;
    }
}
