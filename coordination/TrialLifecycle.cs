// The legal moves of a trial's status, in one table. Every change the coordinator makes to a trial goes through
// TrialBook.Put, which refuses a move this table does not list: a result (Completed, Diverged, Pruned, and Failed with
// no retry left) never changes again, so a result, once recorded, stays what it was. When a cancelled sweep is
// resumed, its cancelled trials, and those that failed while it was cancelled with a retry left, go on from their
// checkpoints (a new life, under a higher attempt number): the only moves out of an ended status, both to Pending.
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public static class TrialLifecycle
{
    private static readonly TrialStatus[] Ends =
        [TrialStatus.Completed, TrialStatus.Diverged, TrialStatus.Failed, TrialStatus.Cancelled, TrialStatus.Pruned];

    /// <summary>Every legal (from, to) pair and why it happens.</summary>
    public static IReadOnlyList<(TrialStatus From, TrialStatus To, string Why)> Table { get; } =
    [
        (TrialStatus.Pending, TrialStatus.Pending, "dispatched (again), or its start failed and it waits in the queue"),
        (TrialStatus.Pending, TrialStatus.Running, "its attempt reported an epoch or asked at a decision epoch"),
        (TrialStatus.Pending, TrialStatus.Paused, "found paused at a decision epoch by reconciliation"),
        (TrialStatus.Running, TrialStatus.Running, "more epochs, or the scheduler said go on"),
        (TrialStatus.Running, TrialStatus.Pending, "its silo was lost, it was interrupted, it failed with retries left, or PBT restarts it from a donor"),
        (TrialStatus.Running, TrialStatus.Paused, "its scheduler holds it at a decision epoch"),
        (TrialStatus.Paused, TrialStatus.Paused, "its scheduler decided about the boundary again and still holds it"),
        (TrialStatus.Paused, TrialStatus.Pending, "its scheduler resumed it (ASHA's promotion, PBT's next generation)"),
        (TrialStatus.Paused, TrialStatus.Running, "an attempt the coordinator had paused asked at its boundary"),
        (TrialStatus.Cancelled, TrialStatus.Pending, "its sweep was resumed: it goes on from its checkpoint"),
        (TrialStatus.Failed, TrialStatus.Pending, "its sweep was resumed: it had failed with a retry left while the sweep was cancelled"),
        .. Ends.SelectMany(end => new[]
        {
            (TrialStatus.Pending, end, "its attempt ended (or the sweep was cancelled before it ran)"),
            (TrialStatus.Running, end, "its attempt ended"),
            (TrialStatus.Paused, end, "pruned while paused, the sweep was cancelled, or an attempt it had left reported its end"),
        }),
    ];

    private static readonly bool[,] Allowed = Build();

    public static bool IsLegal(TrialStatus from, TrialStatus to) => Allowed[(int)from, (int)to];

    /// <exception cref="InvalidOperationException">The move is not in <see cref="Table"/>.</exception>
    public static void Check(int trial, TrialStatus from, TrialStatus to)
    {
        if (!IsLegal(from, to))
            throw new InvalidOperationException($"trial {trial}: {from} → {to} is not a legal move (a result never changes)");
    }

    private static bool[,] Build()
    {
        var statuses = Enum.GetValues<TrialStatus>().Length;
        var allowed = new bool[statuses, statuses];
        foreach (var (from, to, _) in Table) allowed[(int)from, (int)to] = true;
        return allowed;
    }
}
