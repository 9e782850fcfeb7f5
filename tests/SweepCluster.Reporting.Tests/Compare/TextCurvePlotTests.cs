// The character plot of several curves: shared ranges, a value's row, interpolation between points, nothing drawn
// outside a series' own x range, and a flat curve in the middle.
using SweepCluster.Reporting.Compare;

namespace SweepCluster.Reporting.Tests.Compare;

public sealed class TextCurvePlotTests
{
    [Fact]
    public void A_rising_line_runs_from_the_bottom_left_to_the_top_right()
    {
        var grid = TextCurvePlot.Lay([new PlotSeries("up", '*', [(0, 0), (10, 1)])], columns: 11, rows: 11)!;

        Assert.Equal((0, 1, 0, 10), (grid.YLow, grid.YHigh, grid.XLow, grid.XHigh));
        for (var column = 0; column < 11; column++) Assert.Equal(0, grid.Cells[10 - column][column]);
        Assert.Equal(11, grid.Cells.Sum(row => row.Count(c => c == 0)));
    }

    [Fact]
    public void Two_series_share_the_ranges_and_a_shorter_one_stops_at_its_last_point()
    {
        var grid = TextCurvePlot.Lay([new PlotSeries("long", 'a', [(1, 0.5), (5, 0.5)]), new PlotSeries("short", 'b', [(1, 1.0), (3, 1.0)])], columns: 5, rows: 3)!;

        Assert.Equal((0.5, 1.0, 1.0, 5.0), (grid.YLow, grid.YHigh, grid.XLow, grid.XHigh));
        Assert.Equal([1, 1, 1, TextCurvePlot.Empty, TextCurvePlot.Empty], grid.Cells[0]);
        Assert.Equal([0, 0, 0, 0, 0], grid.Cells[2]);
    }

    [Fact]
    public void A_flat_curve_sits_in_the_middle_row_and_non_finite_points_are_skipped()
    {
        var grid = TextCurvePlot.Lay([new PlotSeries("flat", 'f', [(0, 2), (1, double.NaN), (2, 2)])], columns: 3, rows: 5)!;

        Assert.Equal([0, 0, 0], grid.Cells[2]);
        Assert.True(grid.YLow < 2 && grid.YHigh > 2);
    }

    [Fact]
    public void No_finite_point_gives_no_plot() =>
        Assert.Null(TextCurvePlot.Lay([new PlotSeries("none", 'x', [(0, double.NaN)])], columns: 4, rows: 4));
}
