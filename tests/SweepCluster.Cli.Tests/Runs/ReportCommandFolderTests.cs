// `sweep report ID -o DIR` against a running cluster (a silo with a gateway in this test process; the CLI as a separate
// process): an existing folder gets every format of the report and the sweep's trials.csv and history.csv, which the
// sweep catalog grain reads from the cluster's store.
using SweepCluster.Abstractions;
using SweepCluster.Cli.Tests.BadInput;
using SweepCluster.Core.Reports;
using SweepCluster.Testing;

namespace SweepCluster.Cli.Tests.Runs;

public sealed class ReportCommandFolderTests(GatewaySilo silo) : IClassFixture<GatewaySilo>, IDisposable
{
    private const int Trials = 4;
    private const int Epochs = 2;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_existing_folder_gets_every_format_and_the_run_tables()
    {
        var submitted = await silo.Grains.GetGrain<ISweepCoordinatorGrain>("report-folder").SubmitAsync(new SweepSubmission("""
            name: folder
            dataset: iris
            model: { hidden: [4] }
            learning_rate: [0.05, 0.1]
            batch_size: 16
            seeds: [1, 2]
            epochs: 2
            """, "folder.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Created, submitted.Outcome);
        var (watchExit, watchText) = CliRunner.Process(["watch", "report-folder", .. silo.Flags]);
        Assert.True(watchExit == 0, $"exit {watchExit}:\n{watchText}");

        var (exit, text) = CliRunner.Process(["report", "report-folder", "-o", _dir.Path, .. silo.Flags]);

        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        foreach (var extension in new[] { "txt", "md", "csv", "json", "html" }) Assert.True(File.Exists(Path.Combine(_dir.Path, "report." + extension)), extension);
        var trials = CsvRecords.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, SweepRunTables.TrialsFile)));
        var history = CsvRecords.Parse(await File.ReadAllTextAsync(Path.Combine(_dir.Path, SweepRunTables.HistoryFile)));
        Assert.Equal(Trials + 1, trials.Count);
        Assert.All(trials.Skip(1), row => Assert.Equal("completed", row[trials[0].IndexOf("status")]));
        Assert.Contains("learning_rate.initial", trials[0]);
        Assert.Equal(Trials * Epochs + 1, history.Count);
        Assert.Equal(Trials * Epochs, history.Skip(1).Select(r => (r[0], r[1])).Distinct().Count());
    }
}
