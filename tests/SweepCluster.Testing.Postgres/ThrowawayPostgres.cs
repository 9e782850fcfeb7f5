// A throwaway PostgreSQL server: initdb into a temporary folder (as the postgres user when running as root: initdb
// refuses root), password authentication over TCP for the listen address's clients (and a given subnet), then pg_ctl
// start, optionally through a launcher that runs it inside a network-namespace host. Stopped (immediate) by its data
// folder and removed when disposed. The server programs are found by PostgresPrograms; nothing else is assumed.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using SweepCluster.Store;

namespace SweepCluster.Testing.Postgres;

/// <summary>Where and how the server listens.</summary>
/// <param name="ListenAddress">The one address it listens on.</param>
/// <param name="Port">Its port; 0 picks a free loopback port.</param>
/// <param name="ClientSubnet">Clients of this subnet (CIDR) may log in with the password too, e.g. 198.18.0.0/24.</param>
/// <param name="Launcher">Wraps a command (program and arguments) to run it elsewhere, e.g. inside a network namespace.</param>
public sealed record PostgresServerSettings(
    string ListenAddress = "127.0.0.1", int Port = 0, string? ClientSubnet = null,
    Func<IReadOnlyList<string>, IReadOnlyList<string>>? Launcher = null);

public sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string User = "sc";
    private const string ServerUser = "postgres";
    private const string MaintenanceDatabase = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, string host, int port, string password)
    {
        _bin = bin;
        _folder = folder;
        Host = host;
        Port = port;
        Password = password;
    }

    public string Host { get; }
    public int Port { get; }

    /// <summary>The test user's password, new for every server.</summary>
    public string Password { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>Creates and starts a server.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL is not installed, or a step failed (with its output).</exception>
    public static ThrowawayPostgres Start(PostgresServerSettings? settings = null)
    {
        settings ??= new PostgresServerSettings();
        var bin = PostgresPrograms.Find();
        var folder = Directory.CreateTempSubdirectory("sweepcluster-pg-").FullName;
        var password = $"pw-{Guid.NewGuid():N}";
        var port = settings.Port > 0 ? settings.Port : FreePort();
        var server = new ThrowawayPostgres(bin, folder, settings.ListenAddress, port, password);
        try
        {
            if (IsRoot) Run(["chown", ServerUser, folder]);
            var passwordFile = Path.Combine(folder, "password");
            File.WriteAllText(passwordFile, password);
            server.RunAsServer("initdb", ["-D", server.DataFolder, "-U", User, "--pwfile", passwordFile, "--auth-host=scram-sha-256",
                "--auth-local=trust", "--no-locale", "-E", "UTF8", "--no-sync"]);
            File.Delete(passwordFile);
            if (settings.ClientSubnet is { } subnet)
                File.AppendAllText(Path.Combine(server.DataFolder, "pg_hba.conf"), $"host all all {subnet} scram-sha-256\n");
            var start = server.ServerCommand("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "log"), "-w", "start", "-o",
                $"-p {port} -k {folder} -c listen_addresses={settings.ListenAddress} -c fsync=off -c max_connections=200"]);
            Run(settings.Launcher is { } launch ? launch(start) : start);
            return server;
        }
        catch
        {
            server.Remove();
            throw;
        }
    }

    /// <summary>Creates <paramref name="database"/> and returns its location (the test user, this server's password).</summary>
    public async Task<PostgresStoreLocation> CreateDatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(MaintenanceDatabase));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
        return Location(database);
    }

    /// <summary>A location on this server.</summary>
    public PostgresStoreLocation Location(string database) => new(Host, Port, database, User) { Password = Password };

    /// <summary>A plain Npgsql connection string to <paramref name="database"/>, password included (no pooling).</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host, Port = Port, Database = database, Username = User, Password = Password, Pooling = false,
    }.ToString();

    /// <summary>The server's log, for failure messages.</summary>
    public string Log()
    {
        try
        {
            return File.ReadAllText(Path.Combine(_folder, "log"));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    public ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        Remove();
        return ValueTask.CompletedTask;
    }

    private void Remove()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid"))) RunAsServer("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A loopback port with nothing listening on it at the moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private string[] ServerCommand(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(_bin, program);
        return IsRoot ? ["runuser", "-u", ServerUser, "--", path, .. arguments] : [path, .. arguments];
    }

    private void RunAsServer(string program, IEnumerable<string> arguments) => Run(ServerCommand(program, arguments));

    private static void Run(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command[0]}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{string.Join(' ', command)} did not finish within {CommandTimeout.TotalMinutes} minutes");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} exited with {process.ExitCode}: {error.Result} {output.Result}");
    }
}
