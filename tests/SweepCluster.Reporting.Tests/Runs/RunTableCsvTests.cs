// The run table as CSV: a header of column names, one RFC 4180 record per row, numbers that round-trip exactly in
// the invariant culture, an empty field for null, NaN and infinities.
using System.Globalization;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Csv;
using SweepCluster.Reporting.Runs;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests.Runs;

public sealed class RunTableCsvTests
{
    [Fact]
    public void Header_then_one_record_per_row_each_ending_in_CRLF()
    {
        var csv = RunTableCsv.Render(RunTableSamples.Mixed());

        Assert.StartsWith("trial,status,learning_rate.initial,model.hidden,best_metric" + CsvRenderer.LineEnd, csv);
        Assert.EndsWith(CsvRenderer.LineEnd, csv);
        var records = CsvRecords.Parse(csv);
        Assert.Equal(4, records.Count);
        Assert.All(records, record => Assert.Equal(5, record.Count));
    }

    [Fact]
    public void Reals_round_trip_exactly_and_text_with_commas_and_quotes_comes_back_whole()
    {
        var records = CsvRecords.Parse(RunTableCsv.Render(RunTableSamples.Mixed()));

        Assert.Equal(0.1 + 0.2, double.Parse(records[1][2], CultureInfo.InvariantCulture));
        Assert.Equal(1e-7, double.Parse(records[2][2], CultureInfo.InvariantCulture));
        Assert.Equal("[64, 32]", records[1][3]);
        Assert.Equal("say \"hi\"", records[2][3]);
        Assert.Equal("1", records[2][0]);
    }

    [Fact]
    public void Null_NaN_and_infinity_are_empty_fields()
    {
        var records = CsvRecords.Parse(RunTableCsv.Render(RunTableSamples.Mixed()));

        Assert.Equal("", records[2][4]);
        Assert.Equal("", records[3][2]);
        Assert.Equal("", records[3][3]);
        Assert.Equal("", records[3][4]);
    }

    [Fact]
    public void An_empty_table_is_its_header()
    {
        var table = new RunTable([new RunColumn("trial", RunValueType.Integer)], []);

        Assert.Equal("trial" + CsvRenderer.LineEnd, RunTableCsv.Render(table));
    }
}
