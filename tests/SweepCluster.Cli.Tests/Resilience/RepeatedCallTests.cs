// The answers of calls that the CLI repeats through a failover: a delete repeated after its first call deleted the
// sweep reads as deleted; a first call's "not found" stays an error; every extend carries its own request id.
using SweepCluster.Abstractions;
using SweepCluster.Cli.Commands;
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests.Resilience;

public sealed class RepeatedCallTests
{
    private const string Sweep = "20261206-160000-abcd";

    [Fact]
    public void A_repeated_delete_that_finds_no_sweep_reads_as_deleted()
    {
        var answer = RepeatedDeletion.Answer(Sweep, new SweepChangeResult(SweepChangeOutcome.NotFound, "no sweep", 0), attempts: 2);

        Assert.Equal(SweepChangeOutcome.Deleted, answer.Outcome);
        Assert.Contains(Sweep, answer.Message);
    }

    [Fact]
    public void A_first_delete_that_finds_no_sweep_stays_not_found()
    {
        var notFound = new SweepChangeResult(SweepChangeOutcome.NotFound, "no sweep", 0);

        Assert.Same(notFound, RepeatedDeletion.Answer(Sweep, notFound, attempts: 1));
    }

    [Fact]
    public void A_repeated_delete_keeps_any_other_answer()
    {
        var refused = new SweepChangeResult(SweepChangeOutcome.Refused, "sweep is running", 0);

        Assert.Same(refused, RepeatedDeletion.Answer(Sweep, refused, attempts: 3));
    }

    [Fact]
    public void Every_extend_carries_its_own_request_id()
    {
        var first = ExtensionFlags.Parse("2", null);
        var second = ExtensionFlags.Parse("2", null);

        Assert.NotEqual(Guid.Empty, first.Request);
        Assert.NotEqual(first.Request, second.Request);
    }
}
