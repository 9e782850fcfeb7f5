// The legal moves of a sweep's status, in one table, like TrialLifecycle's for trials. A running sweep ends Completed,
// Failed or Cancelled; a cancelled one runs again when resumed; a finished one runs again when extended. Every change
// the coordinator makes to its sweep's status goes through SweepMachine.MoveTo, which refuses a move not listed here.
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public static class SweepLifecycle
{
    /// <summary>Every legal (from, to) pair and why it happens.</summary>
    public static IReadOnlyList<(SweepStatus From, SweepStatus To, string Why)> Table { get; } =
    [
        (SweepStatus.Running, SweepStatus.Completed, "every trial ended, some completed or were pruned"),
        (SweepStatus.Running, SweepStatus.Failed, "every trial ended and none completed or was pruned"),
        (SweepStatus.Running, SweepStatus.Cancelled, "the user cancelled it"),
        (SweepStatus.Cancelled, SweepStatus.Running, "the user resumed it: its cancelled trials go on from their checkpoints"),
        (SweepStatus.Completed, SweepStatus.Running, "the user extended it with more trials"),
        (SweepStatus.Failed, SweepStatus.Running, "the user extended it with more trials"),
    ];

    public static bool IsLegal(SweepStatus from, SweepStatus to) => Table.Any(move => move.From == from && move.To == to);

    /// <exception cref="InvalidOperationException">The move is not in <see cref="Table"/>.</exception>
    public static void Check(SweepStatus from, SweepStatus to)
    {
        if (!IsLegal(from, to)) throw new InvalidOperationException($"sweep: {from} → {to} is not a legal move");
    }
}
