// A real redis-server for one test fixture: started on a free loopback port (or a given address), stopped by its own
// PID. `.ci/install-deps` installs it (Debian's redis-server).
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace SweepCluster.Cluster.Tests.Redis;

public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "redis-server";

    /// <summary>How long redis-server gets to answer its first PING.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private bool _stopped;

    private RedisServer(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's working directory (its append-only file, when enabled).</summary>
    public string Directory { get; }

    /// <summary>The StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <param name="appendOnly">Persist every write (for restart tests); otherwise nothing is written to disk.</param>
    public static Task<RedisServer> StartAsync(bool appendOnly = false) =>
        StartAsync(FreeLoopbackPort(), System.IO.Directory.CreateTempSubdirectory("sc-redis-").FullName, appendOnly);

    /// <summary>Kills this server (no shutdown save, like a crash) and starts a new one on the same port and directory.</summary>
    public async Task<RedisServer> RestartAsync()
    {
        await StopAsync();
        return await StartAsync(Port, Directory, appendOnly: true);
    }

    private static async Task<RedisServer> StartAsync(int port, string directory, bool appendOnly)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--dir", directory, "--daemonize", "no" })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"{Executable} is not installed: run `bash .ci/install-deps` (it installs Debian's redis-server)", error);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, directory, port);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await using var connection = await ConnectionMultiplexer.ConnectAsync($"{server.ConnectionString},connectTimeout=1000");
                await connection.GetDatabase().PingAsync();
                return server;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(PollInterval);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task StopAsync()
    {
        // Once only: a restart stops this server before starting the next, and when that start fails the caller's
        // cleanup disposes this one again; the start's error must be what the test reports.
        if (_stopped) return;
        _stopped = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                using var timeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
