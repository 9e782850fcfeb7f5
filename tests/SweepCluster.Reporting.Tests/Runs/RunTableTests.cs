// The run table refuses rows that do not match its columns, so a writer never meets a cell it cannot type; and it
// crosses Orleans' serializer (a grain hands a cluster's run tables to `sweep report -o DIR`) with its cells' types.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Runs;
using SweepCluster.Testing;

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

    [Fact]
    public void Run_tables_cross_Orleans_serializer_with_typed_cells()
    {
        var tables = new SweepRunTables(RunTableSamples.Mixed(), new RunTable(Columns, [[7L, null]]));

        var copy = OrleansCopy.Of(tables);

        Assert.NotSame(tables.Trials, copy.Trials);
        Assert.Equal(tables.Trials.Columns, copy.Trials.Columns);
        Assert.Equal(RunTableCsv.Render(tables.Trials), RunTableCsv.Render(copy.Trials));
        Assert.Equal(tables.Trials.Rows.SelectMany(r => r).Select(c => c?.GetType()), copy.Trials.Rows.SelectMany(r => r).Select(c => c?.GetType()));
        Assert.Equal(7L, copy.History.Rows[0][0]);
        Assert.Null(copy.History.Rows[0][1]);
    }
}
