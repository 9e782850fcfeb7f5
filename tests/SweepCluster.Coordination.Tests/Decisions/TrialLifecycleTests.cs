// The lifecycle table: every legal move has its reason, nothing else is legal, and an ended trial can never change —
// but for the moves of a resumed sweep's trials (cancelled, or failed with a retry left: back to the queue).
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class TrialLifecycleTests
{
    private static readonly TrialStatus[] Statuses = Enum.GetValues<TrialStatus>();

    /// <summary>What `sweep resume` does to a cancelled trial: the only moves out of an ended status.</summary>
    private static readonly (TrialStatus From, TrialStatus To)[] ResumeMoves =
        [(TrialStatus.Cancelled, TrialStatus.Pending), (TrialStatus.Failed, TrialStatus.Pending)];

    public static TheoryData<TrialStatus, TrialStatus> MovesOfAnEndedTrial()
    {
        var moves = new TheoryData<TrialStatus, TrialStatus>();
        foreach (var from in Statuses.Where(s => s.IsTerminal()))
            foreach (var to in Statuses.Where(to => !ResumeMoves.Contains((from, to)))) moves.Add(from, to);
        return moves;
    }

    [Fact]
    public void OnlyAResumedTrialMovesOnAndOnlyBackToTheQueue()
    {
        var outOfAnEnd = TrialLifecycle.Table.Where(m => m.From.IsTerminal()).Select(m => (m.From, m.To)).ToArray();
        Assert.Equal(ResumeMoves.Order(), outOfAnEnd.Order());
    }

    [Theory]
    [MemberData(nameof(MovesOfAnEndedTrial))]
    public void AnEndedTrialCanNeverChange(TrialStatus from, TrialStatus to)
    {
        Assert.False(TrialLifecycle.IsLegal(from, to));
        var error = Assert.Throws<InvalidOperationException>(() => TrialLifecycle.Check(7, from, to));
        Assert.Contains("trial 7", error.Message);
    }

    [Fact]
    public void EveryLegalMoveIsInTheTableWithItsReasonAndNothingElseIsLegal()
    {
        var table = TrialLifecycle.Table.Select(m => (m.From, m.To)).ToHashSet();
        Assert.Equal(TrialLifecycle.Table.Count, table.Count);
        Assert.All(TrialLifecycle.Table, m => Assert.False(string.IsNullOrWhiteSpace(m.Why)));
        foreach (var from in Statuses)
            foreach (var to in Statuses)
                Assert.Equal(table.Contains((from, to)), TrialLifecycle.IsLegal(from, to));
    }

    [Fact]
    public void ALiveTrialCanEndInEveryWay()
    {
        foreach (var from in new[] { TrialStatus.Pending, TrialStatus.Running, TrialStatus.Paused })
            Assert.All(Statuses.Where(s => s.IsTerminal()), to => TrialLifecycle.Check(0, from, to));
    }

    [Fact]
    public void TheBookRefusesToReviveAnEndedTrial()
    {
        var completed = TrialSummary.Fresh(0) with { Status = TrialStatus.Completed, Attempt = 1, EpochsDone = 4, LastMetric = 0.9 };
        var book = new TrialBook(Specs.Plan(Specs.FifoGrid), Enumerable.Range(0, 6).Select(TrialSummary.Fresh).ToImmutableList().SetItem(0, completed));
        Assert.Throws<InvalidOperationException>(() => book.Put(completed with { Status = TrialStatus.Pending, AssignedSilo = "a" }));
        Assert.Same(completed, book[0]);
        Assert.Equal(1, book.Ended);
        Assert.Empty(book.InFlight);
    }
}
