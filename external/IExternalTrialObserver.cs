// What a running trainer says, as it says it. The runner calls one method at a time (never two at once, stdout and
// stderr alike), on a thread-pool thread, while it keeps reading: a method must return quickly and must not wait for
// the trainer. To answer a decision epoch, call ExternalTrialProcess.SendContinue, which never blocks.
namespace SweepCluster.External;

/// <summary>Receives an external trainer's reports and log lines while it runs.</summary>
public interface IExternalTrialObserver
{
    /// <summary>An epoch report, accepted: its epoch is the one after the last.</summary>
    void OnEpoch(EpochReport report);

    /// <summary>What the trainer applied in <paramref name="epoch"/>, the epoch being run.</summary>
    void OnApplied(int epoch, AppliedReport applied);

    /// <summary>A log line on stdout or a line on stderr.</summary>
    void OnLog(TrainerLogLine line);
}

/// <summary>Which of the trainer's output streams a line came from.</summary>
public enum TrainerStream { Stdout, Stderr }

/// <summary>One log line of a trainer.</summary>
/// <param name="LineNumber">1-based line number on its stream.</param>
public sealed record TrainerLogLine(TrainerStream Stream, int LineNumber, string Text);
