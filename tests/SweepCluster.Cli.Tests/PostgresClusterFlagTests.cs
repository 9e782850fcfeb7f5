// The CLI's --postgres flag as a user runs it (the built sweep.dll in its own process): the connection string comes
// from --store-connection-file or SWEEPCLUSTER_STORE_CONNECTION, never the command line; an unreachable server is one
// line and exit 1; refused credentials are one line naming the store, never the password, and exit 2; a malformed
// combination of flags is refused before anything is contacted (exit 2).
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Cli.Tests;

public sealed class PostgresClusterFlagTests : IAsyncLifetime
{
    private const int SweepFailed = 1, InvalidInput = 2;

    private readonly TempDirectory _folder = new();
    private ThrowawayPostgres _server = null!;

    public Task InitializeAsync()
    {
        _server = ThrowawayPostgres.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public void AnUnreachableServerIsOneLineAndExitCode1()
    {
        var file = _folder.File("pg", $"Host=127.0.0.1;Port={ThrowawayPostgres.FreePort()};Database=sweeps;Username=sc;Password=unused-pw-77;Timeout=2");

        var (exit, text) = CliRunner.Process("status", "some-sweep", "--postgres", "--store-connection-file", file);

        Assert.True(exit == SweepFailed, $"exit {exit}:\n{text}");
        AssertOneError(text, "is unreachable (connection refused)");
        Assert.DoesNotContain("unused-pw-77", text);
    }

    [Fact]
    public async Task RefusedCredentialsNameTheStoreNeverThePasswordAndExitCode2()
    {
        var store = await _server.CreateDatabaseAsync("sweeps");
        var file = _folder.File("pg", $"Host={store.Host};Port={store.Port};Database=sweeps;Username=sc;Password=wrong-pw-31");

        var (exit, text) = CliRunner.Process("status", "some-sweep", "--postgres", "--store-connection-file", file);

        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        AssertOneError(text, $"PostgreSQL store {store.Name} refused the credentials of user 'sc'");
        Assert.DoesNotContain("wrong-pw-31", text);
    }

    [Fact]
    public void AConnectionFileWithoutPostgresIsRefusedNamingBothFlags()
    {
        var (exit, text) = CliRunner.Process("status", "some-sweep", "--store-connection-file", _folder.File("pg", "Host=x"));

        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        AssertOneError(text, "--store-connection-file is for --postgres");
    }

    [Fact]
    public void TheConnectionStringComesFromTheFileElseTheEnvironmentAndIsRequired()
    {
        var file = _folder.File("pg", "Host=db.example;Database=sweeps;Username=sc;Password=pw-from-file");
        Func<string, string?> environment = name => name == "SWEEPCLUSTER_STORE_CONNECTION" ? "Host=env.example;Database=d;Username=u" : null;

        Assert.Null(ClusterOptions.PostgresTarget(postgres: false, null, environment));
        Assert.Equal("db.example", ClusterOptions.PostgresTarget(postgres: true, file, environment)!.Host);
        Assert.Equal("env.example", ClusterOptions.PostgresTarget(postgres: true, null, environment)!.Host);
        var error = Assert.Throws<ClusterTargetException>(() => ClusterOptions.PostgresTarget(postgres: true, null, _ => null));
        Assert.StartsWith("--postgres needs an Npgsql connection string", error.Message);
    }

    // One error message (the console wraps it at its width), no stack trace.
    private static void AssertOneError(string output, string expected)
    {
        Assert.StartsWith("error: ", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, "error:"));
        Assert.Contains(Squeezed(expected), Squeezed(output));
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("Exception", output);
    }

    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");
}
