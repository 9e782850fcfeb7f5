using SweepCluster.Cli.Interrupts;

namespace SweepCluster.Cli.Tests.Interrupts;

public sealed class InterruptionTests
{
    [Fact]
    public void The_first_request_stops_gracefully_and_cancels_the_token()
    {
        using var interruption = new Interruption();

        Assert.Equal(InterruptAction.StopGracefully, interruption.Request());
        Assert.True(interruption.Token.IsCancellationRequested);
    }

    [Fact]
    public void Every_later_request_exits_now()
    {
        using var interruption = new Interruption();
        interruption.Request();

        Assert.Equal(InterruptAction.ExitNow, interruption.Request());
        Assert.Equal(InterruptAction.ExitNow, interruption.Request());
    }

    [Fact]
    public void No_request_leaves_the_token_alone() => Assert.False(new Interruption().Token.IsCancellationRequested);
}
