// The result of one attempt of an external trainer: how it ended, what it reported, and a message for the person
// reading the sweep's report.
namespace SweepCluster.External;

/// <summary>How one attempt ended.</summary>
/// <param name="End">The kind of end.</param>
/// <param name="ExitCode">The process's exit code (128 + the signal when a signal ended it); null when it never started.</param>
/// <param name="EpochsReported">Epoch reports accepted in this attempt.</param>
/// <param name="LastEpoch">The last epoch done: the last accepted report, else the attempt's resume_from_epoch.</param>
/// <param name="StderrTail">The last lines of stderr, oldest first.</param>
/// <param name="Message">One sentence naming the trial and what happened.</param>
/// <param name="Malformed">The malformed report line when <paramref name="End"/> is <see cref="ExternalTrialEnd.MalformedReport"/>.</param>
public sealed record ExternalTrialOutcome(
    ExternalTrialEnd End,
    int? ExitCode,
    int EpochsReported,
    int LastEpoch,
    IReadOnlyList<string> StderrTail,
    string Message,
    MalformedReportLine? Malformed = null)
{
    /// <summary>Whether a sweep's retries rule applies: a crash, a timeout or a short run may go better next time; a
    /// malformed report, a missing command or workdir would fail the same way, and a stop was asked for.</summary>
    public bool MayRetry => End is ExternalTrialEnd.Failed or ExternalTrialEnd.TimedOut or ExternalTrialEnd.NoEpochReported;
}

/// <summary>The stdout line that failed a trial.</summary>
/// <param name="LineNumber">1-based line number on the attempt's stdout.</param>
/// <param name="Line">The line as printed.</param>
/// <param name="Reason">What is wrong with it.</param>
/// <param name="Expected">What a valid line looks like.</param>
public sealed record MalformedReportLine(int LineNumber, string Line, string Reason, string Expected);
