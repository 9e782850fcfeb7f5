// `sweep` as a real child process that a test sends real signals to (kill(2), as a shell's `kill -INT` does), or a
// real Ctrl+C through a pseudo-terminal (util-linux `script` gives the child a terminal; the byte 0x03 written to it
// becomes SIGINT from the terminal's line discipline, as a key press does). Its output is collected as it comes.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace SweepCluster.Cli.Tests.Interrupts;

public sealed class SignalledProcess : IDisposable
{
    /// <summary>A bound on waiting for the process, so that a hang fails the test (not a performance threshold).</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);

    private const byte CtrlC = 0x03;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();
    private readonly bool _terminal;

    private SignalledProcess(Process process, bool terminal)
    {
        _process = process;
        _terminal = terminal;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is not null) lock (_output) _errors.AppendLine(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The built CLI with <paramref name="arguments"/>, its output redirected (no terminal).</summary>
    public static SignalledProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        StartProgram(Path.Combine(AppContext.BaseDirectory, "sweep.dll"), workingDirectory, environment, arguments);

    /// <summary>Another built .NET program (the silo's) with <paramref name="arguments"/>, its output redirected.</summary>
    public static SignalledProcess StartProgram(string dll, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new SignalledProcess(Process.Start(start)!, terminal: false);
    }

    /// <summary>The built CLI on a pseudo-terminal of its own (through `script`), so that it draws its live display.</summary>
    public static SignalledProcess StartOnTerminal(string workingDirectory, params string[] arguments)
    {
        var command = string.Join(' ', new[] { "dotnet", Path.Combine(AppContext.BaseDirectory, "sweep.dll") }.Concat(arguments).Select(Quote));
        var start = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in new[] { "--quiet", "--flush", "--return", "--command", command, "/dev/null" }) start.ArgumentList.Add(argument);
        start.Environment["TERM"] = "xterm-256color";
        return new SignalledProcess(Process.Start(start)!, terminal: true);
    }

    /// <summary>Everything printed so far, standard output and error interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>What was printed on standard error alone (it is in <see cref="Output"/> too).</summary>
    public string Errors
    {
        get
        {
            lock (_output) return _errors.ToString();
        }
    }

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Whether the output holds <paramref name="text"/>, whitespace aside: the console wraps long lines at 80
    /// columns when its output is redirected.</summary>
    public bool Printed(string text) => Squeezed(Output).Contains(Squeezed(text), StringComparison.Ordinal);

    private static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Sends <paramref name="signal"/> (SIGINT 2, SIGTERM 15) to the process itself.</summary>
    public void Send(PosixSignal signal)
    {
        if (_terminal) throw new InvalidOperationException("on a terminal, press Ctrl+C instead");
        if (Kill(_process.Id, Number(signal)) != 0) throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Types Ctrl+C on the process's terminal.</summary>
    public void PressCtrlC()
    {
        if (!_terminal) throw new InvalidOperationException("no terminal: send a signal instead");
        _process.StandardInput.BaseStream.Write([CtrlC]);
        _process.StandardInput.BaseStream.Flush();
    }

    /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!Printed(text))
        {
            if (_process.HasExited) throw new InvalidOperationException($"the process ended (exit {_process.ExitCode}) before printing '{text}':\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' did not appear within {Bound}:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the exit; returns its code and how long it took from the call.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> WaitForExitAsync(TimeSpan bound)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(bound);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the process did not end within {bound}:\n{Output}");
        }
        _process.WaitForExit(); // the last of the redirected output
        return (_process.ExitCode, clock.Elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int Number(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGTERM => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "only SIGINT and SIGTERM are sent"),
    };

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
