// Runs one attempt of an external trainer (docs/external-trainers.md): checks its workdir and program, starts it
// without a shell with SWEEPCLUSTER_TRIAL set, reads its stdout and stderr line by line into a TrialSession, writes
// decision lines to its stdin, stops it on request or timeout (SIGTERM, then SIGKILL of the whole tree after the
// grace) and says how it ended. It does not write the trial file, decide anything or retry: the caller does.
// No path leaves the trainer running: any exception kills its process tree before it propagates.
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;

namespace SweepCluster.External;

/// <summary>One attempt of one trial, run by an external trainer process. Runs once.</summary>
public sealed class ExternalTrialProcess(ExternalTrainerCommand command, ExternalTrialRun run)
{
    /// <summary>The environment variable that holds the trial file's absolute path.</summary>
    public const string TrialFileVariable = "SWEEPCLUSTER_TRIAL";

    /// <summary>Set to 1 for every trainer unless its environment says otherwise: Python's stdout unbuffered.</summary>
    public const string PythonUnbufferedVariable = "PYTHONUNBUFFERED";

    /// <summary>How many of the last stderr lines an outcome keeps.</summary>
    public const int StderrTailLines = 20;

    /// <summary>The decision line a trainer may read after a decision epoch's report.</summary>
    public const string ContinueLine = """{"decision": "continue"}""";

    // After the trainer exits, its output is read to the end; a grandchild that inherited the pipes and lives on
    // would hold them open for ever, so the reading stops after this long.
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(5);

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Channel<string> decisions = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private int started;

    /// <summary>Queues <see cref="ContinueLine"/> for the trainer's stdin. Never blocks; a trainer that does not read
    /// stdin, has exited or has closed it simply does not get it.</summary>
    public void SendContinue() => decisions.Writer.TryWrite(ContinueLine);

    /// <summary>Runs the trainer to its end.</summary>
    /// <param name="observer">Gets the reports and log lines as they come (see <see cref="IExternalTrialObserver"/>).</param>
    /// <param name="cancellationToken">Stops the trainer: SIGTERM, then SIGKILL after the command's stop grace; the
    /// outcome is then <see cref="ExternalTrialEnd.Stopped"/> (the task does not throw for it).</param>
    /// <returns>How the attempt ended; every end, a crash or a missing program included, is an outcome.</returns>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    /// <remarks>An exception thrown by <paramref name="observer"/> kills the trainer's process tree and propagates.</remarks>
    public async Task<ExternalTrialOutcome> RunAsync(IExternalTrialObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (Interlocked.Exchange(ref started, 1) == 1) throw new InvalidOperationException("an ExternalTrialProcess runs once");

        var preflight = TrainerPreflight.Check(command);
        if (preflight.Refusal is { } refusal) return NotStarted(refusal, $"{run.TrialLabel} cannot start: {preflight.Problem}");
        if (cancellationToken.IsCancellationRequested) return NotStarted(ExternalTrialEnd.Stopped, $"{run.TrialLabel} was stopped before it started");

        using var process = new Process { StartInfo = StartInfoFor(preflight.Program!, preflight.WorkingDirectory) };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            return Directory.Exists(preflight.WorkingDirectory)
                ? NotStarted(ExternalTrialEnd.CommandNotFound, $"{run.TrialLabel} cannot start: its program {command.Argv[0]} could not be started ({e.Message})")
                : NotStarted(ExternalTrialEnd.WorkdirMissing, $"{run.TrialLabel} cannot start: its working directory {preflight.WorkingDirectory} does not exist");
        }
        return await SuperviseAsync(process, new TrialSession(run, observer, StderrTailLines), cancellationToken).ConfigureAwait(false);
    }

    private ProcessStartInfo StartInfoFor(string program, string workingDirectory)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = Utf8,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
        };
        foreach (var argument in command.Argv.Skip(1)) startInfo.ArgumentList.Add(argument);
        // Python buffers stdout into a pipe: reports would arrive late, and a trainer waiting for a decision after its
        // report would wait for ever. Unbuffered unless the spec's env says otherwise.
        startInfo.Environment[PythonUnbufferedVariable] = "1";
        foreach (var (name, value) in command.Environment) startInfo.Environment[name] = value;
        startInfo.Environment[TrialFileVariable] = Path.GetFullPath(run.TrialFile);
        return startInfo;
    }

    private async Task<ExternalTrialOutcome> SuperviseAsync(Process process, TrialSession session, CancellationToken cancellationToken)
    {
        using var reading = new CancellationTokenSource();
        var stdout = ReadStdoutAsync(process, session, reading.Token);
        var stderr = ReadStderrAsync(process, session, reading.Token);
        var stdin = WriteDecisionsAsync(process.StandardInput, reading.Token);
        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            using var timeout = command.Timeout is { } limit ? new CancellationTokenSource(limit) : null;
            using var onTimeout = timeout?.Token.Register(() => session.RequestStop(StopReason.TimedOut));
            using var onCancel = cancellationToken.Register(() => session.RequestStop(StopReason.Cancelled));

            StopReason? stopped = null;
            var killed = false;
            if (await Task.WhenAny(exited, session.StopRequested).ConfigureAwait(false) != exited)
            {
                stopped = await session.StopRequested.ConfigureAwait(false);
                killed = await StopAsync(process).ConfigureAwait(false);
            }
            await exited.ConfigureAwait(false);
            await DrainAsync(Task.WhenAll(stdout, stderr), reading).ConfigureAwait(false);
            return Classify(session, process.ExitCode, stopped, killed);
        }
        finally
        {
            KillTree(process);
            await reading.CancelAsync().ConfigureAwait(false);
            decisions.Writer.TryComplete();
            try
            {
                await Task.WhenAll(stdout, stderr, stdin).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Seen already: a reader's fault propagated through DrainAsync, and this is the way out of it.
            }
        }
    }

    private static async Task ReadStdoutAsync(Process process, TrialSession session, CancellationToken token)
    {
        var lineNumber = 0;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(token).ConfigureAwait(false) is { } line)
                session.OnStdout(++lineNumber, line);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch
        {
            KillTree(process);
            throw;
        }
    }

    private static async Task ReadStderrAsync(Process process, TrialSession session, CancellationToken token)
    {
        var lineNumber = 0;
        try
        {
            while (await process.StandardError.ReadLineAsync(token).ConfigureAwait(false) is { } line)
                session.OnStderr(++lineNumber, line);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch
        {
            KillTree(process);
            throw;
        }
    }

    private async Task WriteDecisionsAsync(StreamWriter stdin, CancellationToken token)
    {
        stdin.NewLine = "\n";
        try
        {
            await foreach (var line in decisions.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await stdin.WriteLineAsync(line.AsMemory(), token).ConfigureAwait(false);
                await stdin.FlushAsync(token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The trainer exited or closed its stdin: a decision it does not read is not an error.
        }
    }

    /// <summary>Reads the output to its end, or for <see cref="DrainAfterExit"/> at most.</summary>
    private static async Task DrainAsync(Task readers, CancellationTokenSource reading)
    {
        try
        {
            await readers.WaitAsync(DrainAfterExit).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await reading.CancelAsync().ConfigureAwait(false);
            await readers.ConfigureAwait(false);
        }
    }

    /// <summary>SIGTERM, then SIGKILL to the whole tree once the grace is over.</summary>
    /// <returns>True when SIGKILL was needed.</returns>
    private async Task<bool> StopAsync(Process process)
    {
        if (process.HasExited) return false;
        if (NativeSignals.Terminate(process.Id))
        {
            try
            {
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(command.StopGrace).ConfigureAwait(false);
                return false;
            }
            catch (TimeoutException)
            {
            }
        }
        else if (process.HasExited)
        {
            return false;
        }
        KillTree(process);
        return true;
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or AggregateException or NotSupportedException)
        {
            // Already gone, or gone while the tree was walked.
        }
    }

    private ExternalTrialOutcome Classify(TrialSession session, int exitCode, StopReason? stopped, bool killed)
    {
        var sequence = session.Sequence;
        var tail = session.StderrTail.Snapshot();
        ExternalTrialOutcome Outcome(ExternalTrialEnd end, string message) =>
            new(end, exitCode, sequence.Reported, sequence.LastEpoch, tail, message, session.Malformed);

        if (session.Malformed is { } bad)
            return Outcome(ExternalTrialEnd.MalformedReport,
                $"{run.TrialLabel} failed: malformed report on stdout line {bad.LineNumber}: {bad.Line} ({bad.Reason}). " +
                $"Expected {bad.Expected}.");
        if (exitCode == 0 && sequence.IsComplete)
            return Outcome(ExternalTrialEnd.Completed, $"{run.TrialLabel} completed its {run.PlannedEpochs} epochs");

        var after = sequence.LastEpoch == 0 ? "before its first epoch" : $"after epoch {sequence.LastEpoch}";
        var kill = killed ? $"; it was killed (SIGKILL) when it had not exited {Seconds(command.StopGrace)} after SIGTERM" : "";
        switch (stopped)
        {
            case StopReason.TimedOut:
                return Outcome(ExternalTrialEnd.TimedOut,
                    $"{run.TrialLabel} timed out {after}: it ran longer than its timeout of {Seconds(command.Timeout!.Value)}{kill}{LastStderr(tail)}");
            case StopReason.Cancelled:
                return Outcome(ExternalTrialEnd.Stopped, $"{run.TrialLabel} was stopped {after}{kill}");
        }

        if (exitCode != 0)
            return Outcome(ExternalTrialEnd.Failed,
                $"{run.TrialLabel} failed: {command.Argv[0]} exited with code {ExitCodeText(exitCode)} {after}{LastStderr(tail)}");
        if (sequence.Reported == 0)
            return Outcome(ExternalTrialEnd.NoEpochReported,
                $"{run.TrialLabel} failed: {command.Argv[0]} exited with code 0 without reporting an epoch; it should print one " +
                $"line per epoch on stdout from epoch {run.ResumeFromEpoch + 1} to {run.PlannedEpochs}, such as " +
                $"{ReportLineParser.EpochExample}{LastStderr(tail)}");
        var resumed = run.ResumeFromEpoch > 0 ? $" (resumed after epoch {run.ResumeFromEpoch})" : "";
        return Outcome(ExternalTrialEnd.Failed,
            $"{run.TrialLabel} failed: {command.Argv[0]} exited with code 0 but reported {sequence.LastEpoch} of " +
            $"{run.PlannedEpochs} epochs{resumed}{LastStderr(tail)}");
    }

    private ExternalTrialOutcome NotStarted(ExternalTrialEnd end, string message) =>
        new(end, null, 0, run.ResumeFromEpoch, [], message);

    private static string ExitCodeText(int exitCode) =>
        exitCode is > 128 and < 160 && !OperatingSystem.IsWindows()
            ? string.Create(CultureInfo.InvariantCulture, $"{exitCode} (128 + signal {exitCode - 128})")
            : exitCode.ToString(CultureInfo.InvariantCulture);

    private static string LastStderr(IReadOnlyList<string> tail) =>
        tail.Count == 0 ? "" : $"; last line of stderr: {tail[^1]}";

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s");
}
