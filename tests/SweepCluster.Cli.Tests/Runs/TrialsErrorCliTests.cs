// `sweep trials` refuses what it cannot read with one line naming the id or the store and what to do, exit code 2,
// and never creates or changes a file: an unknown id, a malformed id, a missing file, a damaged file, someone else's
// database, and --store memory (which keeps nothing to read).
using Microsoft.Data.Sqlite;
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Cli.Tests.Runs;

[Collection(RunStoreCollection.Name)]
public sealed class TrialsErrorCliTests(RunStoreFixture run) : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<(int ExitCode, string Output)> TrialsAsync(string id, StoreChoice store)
    {
        var stdout = new StringWriter();
        var (exit, console) = await CliRunner.CaptureAsync(c => CommandErrors.GuardAsync(c, () =>
            TrialsCommand.RunAsync(c, stdout, id, RunTableFormat.Csv, history: false, store, CancellationToken.None)));
        Assert.Equal("", stdout.ToString());
        return (exit, console);
    }

    private static void AssertOneLineError(string output, params string[] fragments)
    {
        Assert.StartsWith("error: ", output);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        foreach (var fragment in fragments) Assert.Contains(fragment, output);
    }

    [Fact]
    public async Task An_unknown_id_names_the_id_and_the_store()
    {
        var before = await File.ReadAllBytesAsync(run.StorePath);

        var (exit, output) = await TrialsAsync("no-such-sweep", new StoreChoice(run.StorePath));

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, "'no-such-sweep'", run.StorePath, "--store");
        Assert.Equal(before, await File.ReadAllBytesAsync(run.StorePath));
    }

    [Fact]
    public async Task A_malformed_id_is_refused_before_the_store_is_opened()
    {
        var missing = _dir.File("never-opened.db");

        var (exit, output) = await TrialsAsync("bad id!", new StoreChoice(missing));

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, "'bad id!' is not a sweep id");
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public async Task A_missing_store_file_is_named_and_not_created()
    {
        var missing = Path.Combine(_dir.Path, "nowhere", "study.db");

        var (exit, output) = await TrialsAsync(RunStoreFixture.SweepId, new StoreChoice(missing));

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, missing, "does not exist");
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Fact]
    public async Task A_damaged_file_is_named_and_left_as_it_was()
    {
        var path = _dir.File("damaged.db", "this is no SQLite file " + new string('x', 4096));
        var before = await File.ReadAllBytesAsync(path);

        var (exit, output) = await TrialsAsync(RunStoreFixture.SweepId, new StoreChoice(path));

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, path, "is damaged or is not a SQLite file");
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Someone_elses_database_is_named_and_left_as_it_was()
    {
        var path = _dir.File("theirs.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)";
            command.ExecuteNonQuery();
        }
        var before = await File.ReadAllBytesAsync(path);

        var (exit, output) = await TrialsAsync(RunStoreFixture.SweepId, new StoreChoice(path));

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, path, "is not a SweepCluster store");
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task The_memory_store_is_refused_since_it_keeps_nothing_to_read()
    {
        var (exit, output) = await TrialsAsync(RunStoreFixture.SweepId, StoreChoice.Memory);

        Assert.Equal((int)ExitCode.InvalidInput, exit);
        AssertOneLineError(output, "--store memory", "--store PATH");
    }
}
