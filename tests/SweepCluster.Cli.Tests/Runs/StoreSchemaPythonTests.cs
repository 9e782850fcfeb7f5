// tests/python/check_store_schema.py, run by a real python3 process on the store file a real `sweep run` made: Python's
// own sqlite3 module, no SweepCluster code, finds the tables, columns and types that docs/store.md documents, one typed
// column per searched hyperparameter, and the sweep's row counts. And it does fail on a file that is not such a store.
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SweepCluster.Cli.Tests.Runs;

[Collection(RunStoreCollection.Name)]
public sealed class StoreSchemaPythonTests(RunStoreFixture run)
{
    private static string Script => Path.Combine(CliRunner.RepositoryRoot(), "tests", "python", "check_store_schema.py");

    private static (int ExitCode, string Output) Python(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [Fact]
    public void Pythons_sqlite3_finds_the_documented_schema_and_the_sweeps_rows()
    {
        var before = File.ReadAllBytes(run.StorePath);

        var (exit, output) = Python(run.StorePath, RunStoreFixture.SweepId,
            "--trials", $"{RunStoreFixture.Trials}", "--epochs", $"{RunStoreFixture.Trials * RunStoreFixture.Epochs}",
            "--column", "learning_rate.schedule:text", "--column", "learning_rate.initial:real", "--column", "learning_rate.final:real",
            "--column", "batch_size.initial:integer", "--column", "model.hidden:text");

        Assert.True(exit == 0, output);
        Assert.StartsWith("ok: ", output);
        Assert.Equal(before, File.ReadAllBytes(run.StorePath));
    }

    [Fact]
    public void The_check_fails_on_wrong_counts_and_on_a_database_that_is_not_a_store()
    {
        var (wrongCount, countOutput) = Python(run.StorePath, RunStoreFixture.SweepId, "--trials", "17", "--epochs", "1");
        Assert.Equal(1, wrongCount);
        Assert.Contains($"trials has {RunStoreFixture.Trials} rows", countOutput);

        var theirs = run.Directory.File("theirs.db");
        using (var connection = new SqliteConnection($"Data Source={theirs};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS trials (sweep TEXT, trial TEXT)";
            command.ExecuteNonQuery();
        }
        var (foreign, foreignOutput) = Python(theirs, RunStoreFixture.SweepId, "--trials", "0", "--epochs", "0");
        Assert.Equal(1, foreign);
        Assert.Contains("FAIL: table sweeps is missing", foreignOutput);
        Assert.Contains("FAIL: trials.trial is declared TEXT, not INTEGER", foreignOutput);
    }
}
