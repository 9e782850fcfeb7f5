// The run table refuses rows that do not match its columns, so a writer never meets a cell it cannot type.
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Reporting.Tests.Runs;

public sealed class RunTableTests
{
    private static readonly RunColumn[] Columns = [new("trial", RunValueType.Integer), new("status", RunValueType.Text)];

    [Fact]
    public void A_row_with_too_few_cells_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunTable(Columns, [[1L]]));

        Assert.Contains("row 0 has 1 cells for 2 columns", error.Message);
    }

    [Fact]
    public void A_cell_of_another_type_than_its_column_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RunTable(Columns, [[1, "completed"]]));

        Assert.Contains("column 'trial'", error.Message);
    }

    [Fact]
    public void Nulls_fit_every_column()
    {
        var table = new RunTable(Columns, [[null, null]]);

        Assert.Single(table.Rows);
    }
}
