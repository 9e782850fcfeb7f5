// A python script run as SweepCluster runs a trainer: its stdout read line by line as it comes (a test waits for the
// line it expects), its stdin written by the test, real signals sent with kill(2).
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace SweepCluster.PythonClient.Tests.Support;

public sealed class ScriptProcess : IDisposable
{
    /// <summary>A bound on waiting for the script, so that a hang fails the test (not a performance threshold).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    private const int SigTerm = 15;
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _stdout = [];
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;

    private ScriptProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (_stdout) _stdout.Add(line);
                _lines.Writer.TryWrite(line);
            }
            _lines.Writer.TryComplete();
        });
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data); };
        process.BeginErrorReadLine();
    }

    /// <summary>Starts Scripts/<paramref name="script"/> with SWEEPCLUSTER_TRIAL = <paramref name="trialFile"/> (null: unset).</summary>
    public static ScriptProcess Start(string script, string? trialFile, params string[] arguments) =>
        new(Python.Start(Python.Script(script), arguments, trialFile));

    public int Id => _process.Id;

    /// <summary>Every stdout line so far.</summary>
    public IReadOnlyList<string> Output { get { lock (_stdout) return _stdout.ToArray(); } }

    public string Errors { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>Reads stdout lines until one satisfies <paramref name="match"/>; fails if the script ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what)
    {
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(bound.Token))
            {
                if (match(line)) return line;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no {what} within {Bound}; stdout:\n{string.Join('\n', Output)}\nstderr:\n{Errors}");
        }
        throw new Xunit.Sdk.XunitException($"the script ended without {what}; stdout:\n{string.Join('\n', Output)}\nstderr:\n{Errors}");
    }

    /// <summary>Writes one line to the script's stdin (several when <paramref name="text"/> holds newlines).</summary>
    public void WriteLine(string text)
    {
        _process.StandardInput.Write(text + "\n");
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Sends a real SIGTERM, as SweepCluster does to stop or pause a trial.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Waits for the script to end (closing its stdin unless told not to) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var bound = new CancellationTokenSource(Bound);
        try
        {
            await _process.WaitForExitAsync(bound.Token);
            await _reading.WaitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"the script did not end within {Bound}; stdout:\n{string.Join('\n', Output)}\nstderr:\n{Errors}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
