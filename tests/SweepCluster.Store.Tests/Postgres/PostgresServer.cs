// A throwaway PostgreSQL server for the test run: initdb into a temporary folder (as the postgres user when the tests
// run as root: initdb refuses root), password authentication over TCP on a free loopback port, fsync off, then
// pg_ctl start; stopped (immediate) and removed at the end. Each test gets its own database from NewDatabaseAsync.
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SweepCluster.Store.Tests.Support;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Store.Tests.Postgres;

/// <summary>One PostgreSQL server shared by every PostgreSQL test (an xunit collection fixture).</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string User = "sc";
    public const string Password = "sc-test-password-7f3a";
    public const string Host = "127.0.0.1";
    private const string ServerUser = "postgres";
    private const string MaintenanceDatabase = "postgres";
    private const int MaxConnections = 300;

    private string _bin = "";
    private string _folder = "";
    private int _databases;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    public Task InitializeAsync()
    {
        _bin = PostgresPrograms.Find();
        _folder = Directory.CreateTempSubdirectory("sweepcluster-pg-").FullName;
        if (IsRoot) ProcessRunner.Run("chown", [ServerUser, _folder]);
        var passwordFile = Path.Combine(_folder, "password");
        File.WriteAllText(passwordFile, Password);
        RunAsServer("initdb", ["-D", DataFolder, "-U", User, "--pwfile", passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
            "--no-locale", "-E", "UTF8", "--no-sync"]);
        File.Delete(passwordFile);
        Port = FreePort();
        RunAsServer("pg_ctl", ["-D", DataFolder, "-l", Path.Combine(_folder, "log"), "-w", "start", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses={Host} -c fsync=off -c max_connections={MaxConnections}"]);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            RunAsServer("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
        return Task.CompletedTask;
    }

    /// <summary>The store location of a new, empty database, as the test user with the right password.</summary>
    public async Task<PostgresStoreLocation> NewDatabaseAsync()
    {
        var name = $"t{Interlocked.Increment(ref _databases)}";
        await ExecuteAsync(MaintenanceDatabase, $"CREATE DATABASE {name}");
        return Location(name);
    }

    /// <summary>A location on this server (the test user and password unless changed with <c>with</c>).</summary>
    public PostgresStoreLocation Location(string database) => new(Host, Port, database, User) { Password = Password };

    /// <summary>Runs <paramref name="sql"/> in <paramref name="database"/> as the test user, without SweepCluster code.</summary>
    public async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A plain Npgsql connection string to <paramref name="database"/> (no pooling).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host, Port = Port, Database = database, Username = User, Password = Password, Pooling = false,
    }.ToString();

    /// <summary>A loopback port with nothing listening on it at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void RunAsServer(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        if (IsRoot) ProcessRunner.Run("runuser", ["-u", ServerUser, "--", path, .. arguments]);
        else ProcessRunner.Run(path, arguments);
    }
}

/// <summary>The xunit collection of every PostgreSQL test: one server for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}
