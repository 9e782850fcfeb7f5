// `sweep run` writes trials.csv and history.csv into its report folder, beside report.*: the same CSV that
// `sweep trials --format csv` prints for the sweep.
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Runs;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.Runs;

[Collection(RunStoreCollection.Name)]
public sealed class ReportFolderRunTablesTests(RunStoreFixture run)
{
    [Theory]
    [InlineData(SweepRunTables.TrialsFile, false, RunStoreFixture.Trials)]
    [InlineData(SweepRunTables.HistoryFile, true, RunStoreFixture.Trials * RunStoreFixture.Epochs)]
    public async Task The_report_folder_holds_the_run_tables_as_sweep_trials_prints_them(string file, bool history, int rows)
    {
        var path = Path.Combine(run.ReportFolder, file);
        Assert.True(File.Exists(Path.Combine(run.ReportFolder, "report.csv")));
        Assert.True(File.Exists(path), path);

        var stdout = new StringWriter();
        var (exit, console) = await CliRunner.CaptureAsync(c => TrialsCommand.RunAsync(c, stdout, RunStoreFixture.SweepId, RunTableFormat.Csv, history,
            new StoreChoice(run.StorePath), CancellationToken.None));

        Assert.True(exit == 0, console);
        var written = await File.ReadAllTextAsync(path);
        Assert.Equal(stdout.ToString(), written);
        Assert.Equal(rows + 1, CsvRecords.Parse(written).Count);
    }
}
