namespace SweepCluster.Cli;

/// <summary>The process exit codes of the sweep CLI.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>`train`: the trial's loss became NaN or infinite.</summary>
    TrialDiverged = 1,

    /// <summary>Sweep commands: the sweep failed or was cancelled, or the cluster could not be reached.</summary>
    SweepFailed = 1,

    /// <summary>A spec, data file or weights file was refused; nothing was run.</summary>
    InvalidInput = 2,

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    Cancelled = 130,
}
