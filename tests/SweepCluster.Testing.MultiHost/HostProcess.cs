// One real process on one host of the netns network (a silo), started through `sc-netns.sh exec`,
// which execs it, so the process keeps the PID we hold and `kill -9` hits it and nothing else.
using System.Diagnostics;

namespace SweepCluster.Testing.MultiHost;

public sealed class HostProcess : IAsyncDisposable
{
    /// <summary>Lines of output kept for diagnostics (the newest).</summary>
    private const int KeptLines = 200;

    /// <summary>How long a graceful stop (SIGTERM) may take before the process is killed.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private HostProcess(string host, Process process)
    {
        Host = host;
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Host { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="command"/> inside <paramref name="host"/>'s namespace.</summary>
    public static HostProcess Start(string script, string host, IReadOnlyDictionary<string, string> environment, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, "exec", host, command }.Concat(arguments)) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return new HostProcess(host, Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start on {host}"));
    }

    /// <summary>The newest output lines, for failure messages.</summary>
    public string Output()
    {
        lock (_lines) return string.Join('\n', _lines);
    }

    /// <summary>SIGKILL, as a crash: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill();
        using var timeout = new CancellationTokenSource(StopTimeout);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGTERM (a graceful stop, as systemd or Ctrl+C does), then SIGKILL if it takes longer than <see cref="StopTimeout"/>.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", $"{_process.Id}"])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines) _lines.Dequeue();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
