// `sweep run` and its store, at process level: the default store is ./sweeps/sweepcluster.db; a second silo on a store
// that a running one serves is refused; a bad store (corrupt, not a store, written by a newer SweepCluster, locked by
// another process, an unreachable PostgreSQL) stops it with the store's one-line message, no stack trace, the file
// untouched; and a run killed with SIGKILL is finished by the next run on the same store, every trial once, with the
// same numbers as an uninterrupted run.
using Microsoft.Data.Sqlite;
using SweepCluster.Core;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cli.Tests.Store;

public sealed class StoreCliTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly TempDirectory _dir = new();

    private static string Quickstart => Path.Combine(CliRunner.RepositoryRoot(), "examples", "quickstart.yaml");

    private (int ExitCode, string Output) Run(params string[] arguments) => CliRunner.Process(["run", Quickstart, "-o", _dir.Path, .. arguments]);

    // The console wraps long lines at its width (80 columns when redirected): texts are compared without whitespace.
    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    private static void AssertOneLineError(string output, string expected)
    {
        Assert.StartsWith("error: ", output);
        Assert.Contains(Squeezed(expected), Squeezed(output));
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public async Task A_run_keeps_its_sweep_in_the_default_store_under_the_working_directory()
    {
        var (exit, output) = CliRunner.ProcessIn(_dir.Path, "run", Quickstart, "--id", "default-store", "--slots", "2");

        Assert.True(exit == 0, output);
        Assert.Contains(Squeezed(Path.Combine(_dir.Path, "sweeps", "sweepcluster.db")), Squeezed(output));
        var (trials, epochs) = await SweepProcess.ReadRowsAsync(Path.Combine(_dir.Path, "sweeps", "sweepcluster.db"), "default-store");
        Assert.Equal(24, trials.Count);
        Assert.Equal(24 * 20, epochs.Count);
    }

    [Fact]
    public void A_corrupt_file_is_refused_with_its_message_and_left_as_it_was()
    {
        var path = _dir.File("corrupt.db", "this is no SQLite file, only text that happens to be here; " + new string('x', 4096));
        var before = File.ReadAllBytes(path);

        var (exit, output) = Run("--store", path);

        Assert.Equal(2, exit);
        AssertOneLineError(output, "is damaged or is not a SQLite file");
        Assert.Contains(Squeezed(path), Squeezed(output));
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void Someone_elses_database_is_refused_and_left_as_it_was()
    {
        var path = Path.Combine(_dir.Path, "theirs.db");
        Execute(path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)");
        var before = File.ReadAllBytes(path);

        var (exit, output) = Run("--store", path);

        Assert.Equal(2, exit);
        AssertOneLineError(output, "is not a SweepCluster store");
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public async Task A_store_of_a_newer_SweepCluster_is_refused()
    {
        var path = Path.Combine(_dir.Path, "newer.db");
        await (await StudyStore.OpenAsync(new SqliteStoreLocation(path))).DisposeAsync();
        Execute(path, "INSERT INTO sweepcluster_schema (version, applied, description) VALUES (999, '2030-01-01T00:00:00.000000Z', 'from the future')");

        var (exit, output) = Run("--store", path);

        Assert.Equal(2, exit);
        AssertOneLineError(output, "was written by a newer SweepCluster");
    }

    [Fact]
    public void A_file_another_process_holds_locked_is_refused_as_locked()
    {
        var path = Path.Combine(_dir.Path, "locked.db");
        using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        holder.Open();
        using (var create = holder.CreateCommand())
        {
            create.CommandText = "PRAGMA journal_mode = DELETE; BEGIN EXCLUSIVE; CREATE TABLE t (x)";
            create.ExecuteNonQuery();
        }

        var (exit, output) = Run("--store", path);

        Assert.Equal(2, exit);
        AssertOneLineError(output, "is locked by another process");
    }

    [Fact]
    public void An_unreachable_postgres_server_is_reported_without_the_password()
    {
        const string password = "never-print-this-7c1e";
        var connectionFile = _dir.File("connection", $"Host=127.0.0.1;Port={FreePort()};Database=sweeps;Username=sc;Password={password};Timeout=2");

        var (exit, output) = Run("--store", "postgres", "--store-connection-file", connectionFile);

        Assert.Equal(1, exit);
        AssertOneLineError(output, "is unreachable");
        Assert.Contains("sc@127.0.0.1", Squeezed(output));
        Assert.DoesNotContain(password, Squeezed(output));
    }

    [Fact]
    public void Postgres_without_a_connection_string_names_where_to_put_one()
    {
        var (exit, output) = Run("--store", "postgres");

        Assert.Equal(2, exit);
        AssertOneLineError(output, StoreSelection.ConnectionVariable);
    }

    [Fact]
    public async Task A_second_run_on_a_store_that_a_running_silo_serves_is_refused()
    {
        var path = Path.Combine(_dir.Path, "shared.db");
        // Longer trials than the example's: the first run must still hold the store when the second starts (the
        // example's 24 trials can all finish meanwhile on a fast machine, and the second run then rightly succeeds).
        var longer = SweepProcess.LongerQuickstart(_dir.Path);
        using var first = SweepProcess.Start(_dir.Path, "run", longer, "--id", "first", "--slots", "1", "-o", _dir.Path, "--store", path);
        await SweepProcess.WaitForTrialsAsync(path, "first", TrialStatus.Completed, 1, Patience);

        var (exit, output) = Run("--store", path, "--id", "second");

        Assert.True(exit == 2 || first.IsRunning, $"the first run ended before the second started, so the test saw nothing: {output}");
        Assert.Equal(2, exit);
        AssertOneLineError(output, "is already served by another silo");
        Assert.Contains("--store", Squeezed(output));
    }

    [Fact]
    public async Task A_run_killed_midway_is_finished_by_the_next_run_with_the_numbers_of_an_uninterrupted_run()
    {
        var killedStore = Path.Combine(_dir.Path, "killed.db");
        var spec = SweepProcess.LongerQuickstart(_dir.Path); // longer trials than the example's, so that the kill lands midway
        (int ExitCode, string Output) RunLonger(params string[] arguments) => CliRunner.Process(["run", spec, "-o", _dir.Path, .. arguments]);
        using (var doomed = SweepProcess.Start(_dir.Path, "run", spec, "--id", "kill9", "--slots", "1", "-o", _dir.Path, "--store", killedStore))
        {
            await SweepProcess.WaitForTrialsAsync(killedStore, "kill9", TrialStatus.Completed, 4, Patience);
            doomed.Kill();
        }
        var (midTrials, _) = await SweepProcess.ReadRowsAsync(killedStore, "kill9");
        Assert.Contains(midTrials, t => t.Status != TrialStatus.Completed);

        var (exit, output) = RunLonger("--id", "kill9", "--slots", "1", "--store", killedStore);
        Assert.True(exit == 0, output);
        var (exitClean, outputClean) = RunLonger("--id", "clean", "--slots", "1", "--store", Path.Combine(_dir.Path, "clean.db"));
        Assert.True(exitClean == 0, outputClean);

        var (trials, epochs) = await SweepProcess.ReadRowsAsync(killedStore, "kill9");
        var (cleanTrials, cleanEpochs) = await SweepProcess.ReadRowsAsync(Path.Combine(_dir.Path, "clean.db"), "clean");
        Assert.Equal(Enumerable.Range(0, 24), trials.Select(t => t.Trial));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(
            cleanTrials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.BestMetric, t.BestEpoch, t.EpochsRun)),
            trials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.BestMetric, t.BestEpoch, t.EpochsRun)));
        Assert.Equal(cleanEpochs.Select(e => (e.Trial, e.Record)), epochs.Select(e => (e.Trial, e.Record)));
    }

    [Fact]
    public async Task A_bad_spec_given_to_run_leaves_a_running_sweep_of_its_store_untouched()
    {
        // `sweep run` reads the spec before it starts its silo (which resumes the store's running sweeps): a typo in one
        // spec must not set another sweep going (or change its rows).
        var store = Path.Combine(_dir.Path, "shared.db");
        var spec = SweepProcess.LongerQuickstart(_dir.Path);
        using (var doomed = SweepProcess.Start(_dir.Path, "run", spec, "--id", "held", "--slots", "1", "-o", _dir.Path, "--store", store))
        {
            await SweepProcess.WaitForTrialsAsync(store, "held", TrialStatus.Completed, 2, Patience);
            doomed.Kill();
        }
        var before = await SweepProcess.ReadRowsAsync(store, "held");
        var bad = Path.Combine(_dir.Path, "bad.yaml");
        File.WriteAllText(bad, File.ReadAllText(spec).Replace("epochs:", "epochz:"));

        var (exit, output) = CliRunner.Process(["run", bad, "-o", _dir.Path, "--store", store]);

        Assert.Equal(2, exit);
        Assert.Contains("epochz", output);
        var after = await SweepProcess.ReadRowsAsync(store, "held");
        Assert.Equal(before.Trials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.EpochsRun)),
            after.Trials.Select(t => (t.Trial, t.Status, t.FinalMetric, t.EpochsRun)));
        Assert.Equal(before.Epochs.Select(e => (e.Trial, e.Record)), after.Epochs.Select(e => (e.Trial, e.Record)));
    }

    private static void Execute(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
