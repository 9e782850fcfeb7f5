// The shared state of one running attempt: the epoch sequence and the malformed line (stdout reader), the stderr tail
// (stderr reader), the stop request (token, timeout or malformed line, whichever comes first) and the gate that keeps
// observer calls one at a time.
namespace SweepCluster.External;

internal enum StopReason { Cancelled, TimedOut, Malformed }

internal sealed class TrialSession(ExternalTrialRun run, IExternalTrialObserver observer, int stderrTailLines)
{
    private readonly TaskCompletionSource<StopReason> stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock observerGate = new();

    public ReportSequence Sequence { get; } = new(run.ResumeFromEpoch, run.PlannedEpochs);

    public LineTail StderrTail { get; } = new(stderrTailLines);

    /// <summary>The first malformed line; set by the stdout reader only.</summary>
    public MalformedReportLine? Malformed { get; private set; }

    public Task<StopReason> StopRequested => stop.Task;

    public void RequestStop(StopReason reason) => stop.TrySetResult(reason);

    /// <summary>Takes stdout line <paramref name="lineNumber"/>. After a malformed line the rest is only drained.</summary>
    public void OnStdout(int lineNumber, string text)
    {
        if (Malformed is not null) return;
        switch (Sequence.Accept(ReportLineParser.Parse(text)))
        {
            case EpochReport report:
                lock (observerGate) observer.OnEpoch(report);
                break;
            case AppliedReport applied:
                lock (observerGate) observer.OnApplied(Sequence.EpochInProgress, applied);
                break;
            case LogLine:
                lock (observerGate) observer.OnLog(new TrainerLogLine(TrainerStream.Stdout, lineNumber, text));
                break;
            case MalformedLine bad:
                Malformed = new MalformedReportLine(lineNumber, text, bad.Reason, bad.Expected);
                RequestStop(StopReason.Malformed);
                break;
        }
    }

    public void OnStderr(int lineNumber, string text)
    {
        StderrTail.Add(text);
        lock (observerGate) observer.OnLog(new TrainerLogLine(TrainerStream.Stderr, lineNumber, text));
    }
}
