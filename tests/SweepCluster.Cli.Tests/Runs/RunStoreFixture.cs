// One real `sweep run` (in this process, an embedded silo) into a SQLite store file in a temporary folder, shared by
// the tests that read that store: `sweep trials`, the report folder's trials.csv and history.csv, and the Python
// schema check. The sweep searches text, real and integer hyperparameters, and a list-valued one with a comma.
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;

namespace SweepCluster.Cli.Tests.Runs;

public sealed class RunStoreFixture : IAsyncLifetime
{
    public const string SweepId = "trials-table";
    public const int Trials = 16;
    public const int Epochs = 3;

    private const string Spec = """
        name: runs
        dataset: iris
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.05, { schedule: cosine, initial: 0.1 }]
        batch_size: [16, 32]
        model: { hidden: [[8], [8, 4]] }
        seeds: [1, 2]
        epochs: 3
        """;

    private readonly TempDirectory _dir = new();

    public string StorePath => Path.Combine(_dir.Path, "study.db");

    public string ReportFolder => Path.Combine(_dir.Path, "out", $"runs-{SweepId}");

    public TempDirectory Directory => _dir;

    public async Task InitializeAsync()
    {
        var spec = _dir.File("runs.yaml", Spec);
        var (exit, output) = await CliRunner.CaptureAsync(console => RunCommand.RunAsync(console, new FileInfo(spec), SweepId, slots: 2,
            new DirectoryInfo(Path.Combine(_dir.Path, "out")), allowLarge: false, CancellationToken.None, store: new StoreChoice(StorePath)));
        if (exit != 0) throw new InvalidOperationException($"sweep run failed ({exit}): {output}");
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class RunStoreCollection : ICollectionFixture<RunStoreFixture>
{
    public const string Name = "a store made by sweep run";
}
