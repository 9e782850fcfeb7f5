// How one attempt of an external trainer ended. Which ends a sweep retries is ExternalTrialOutcome.MayRetry.
namespace SweepCluster.External;

public enum ExternalTrialEnd
{
    /// <summary>Exit code 0 after every planned epoch was reported.</summary>
    Completed,

    /// <summary>Stopped on request (a scheduler's decision, a cancelled sweep, a pause, a silo shutting down).</summary>
    Stopped,

    /// <summary>A non-zero exit code, or exit code 0 after fewer epochs than planned.</summary>
    Failed,

    /// <summary>Ran longer than the command's timeout; stopped.</summary>
    TimedOut,

    /// <summary>Exit code 0 without a single epoch report.</summary>
    NoEpochReported,

    /// <summary>A line meant as a report was not a valid one (or an epoch came out of order); the trainer was stopped.</summary>
    MalformedReport,

    /// <summary>The program could not be found or started.</summary>
    CommandNotFound,

    /// <summary>The working directory does not exist.</summary>
    WorkdirMissing,
}
