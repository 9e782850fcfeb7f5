// The table's files: the curves CSV and the description JSON read back what was written, byte-identical on rewrite;
// and the committed schedule table loads with every configuration under every seed.
using SweepCluster.Tabular.Table;

namespace SweepCluster.Tabular.Tests;

public sealed class TableFileTests
{
    [Fact]
    public void Curves_read_back_as_written_and_rewrite_to_the_same_bytes()
    {
        var curves = SmallTable.Curves();
        var first = Write(curves);
        var read = TableCsvReader.Read(new MemoryStream(first), SmallTable.Metadata);

        Assert.Equal(first, Write(read));
        Assert.Equal(curves.Count, read.Count);
        var diverged = Assert.Single(read, c => c.End == CurveEnd.Diverged);
        Assert.Equal(SmallTable.Diverging, diverged.Configuration);
        Assert.Equal(2, diverged.Epochs);
        Assert.True(double.IsNaN(diverged.Loss[^1]));
    }

    [Fact]
    public void The_description_round_trips_through_json()
    {
        var metadata = TableMetadata.FromJson(SmallTable.Metadata.ToJson());

        Assert.Equal(SmallTable.Metadata.ToJson(), metadata.ToJson());
        Assert.Contains("\"parent_choice\": \"a\"", metadata.ToJson());
    }

    [Fact]
    public void Lookup_gives_the_recorded_metric_and_nothing_after_a_divergence()
    {
        var table = SmallTable.Table();

        Assert.Equal(table.Curve(SmallTable.Diverging, 1).Metric[2], table.Lookup(SmallTable.Diverging, 1, 3));
        Assert.Equal(0, table.Lookup(SmallTable.Diverging, 2, 2));
        Assert.Null(table.Lookup(SmallTable.Diverging, 2, 3));
        Assert.Equal((table.Curve(SmallTable.Diverging, 1).Final + 0) / 2, table.TrueFinal(SmallTable.Diverging));
    }

    [Fact]
    public void The_committed_schedule_table_holds_every_configuration_under_every_seed()
    {
        var path = Path.Combine(RepositoryRoot(), "bench", "tables", "schedules");
        var table = TabularTable.Load(path);

        foreach (var dataset in table.Metadata.Datasets)
        {
            var curves = table.Dataset(dataset.Name);
            Assert.Equal(table.Metadata.Space().Enumerate().Count, curves.Configurations.Count);
            Assert.InRange(curves.BestTrueFinal, 0.5, 1.0);
        }
    }

    private static byte[] Write(IEnumerable<TableCurve> curves)
    {
        using var stream = new MemoryStream();
        TableCsvWriter.Write(stream, SmallTable.Metadata, curves);
        return stream.ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new InvalidOperationException("the tests run inside the repository");
    }
}
