// How a request to change a running or finished sweep (`sweep resume`, `sweep extend`, `sweep delete`) ended. Shared by the
// coordinator's state machine, which decides it, the grain interface, which carries it, and the CLI, which maps it
// to a message and an exit code.
namespace SweepCluster.Core;

public enum SweepChangeOutcome
{
    /// <summary>The sweep runs again: its cancelled trials are queued to go on from their checkpoints.</summary>
    Resumed,

    /// <summary>The sweep has more trials and runs (again).</summary>
    Extended,

    /// <summary>Resume of a running sweep: nothing to do, nothing changed.</summary>
    AlreadyRunning,

    /// <summary>No sweep has this id.</summary>
    NotFound,

    /// <summary>The sweep, its trials' state and checkpoints and its rows in the study tables are gone.</summary>
    Deleted,

    /// <summary>Refused (a finished sweep to resume, a grid extended by trials, seeds already present, …); nothing changed.</summary>
    Refused,
}
