namespace SweepCluster.Cli;

/// <summary>The process exit codes of the sweep CLI.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>The trial ran but its loss became NaN or infinite.</summary>
    TrialDiverged = 1,

    /// <summary>A spec, data file or weights file was refused; nothing was run.</summary>
    InvalidInput = 2,

    /// <summary>Interrupted with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    Cancelled = 130,
}
