using SweepCluster.Abstractions;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests.Resilience;

/// <summary>The backoff schedule and the connect rule: pure functions, checked in milliseconds.</summary>
public sealed class BackoffScheduleTests
{
    private static readonly BackoffSchedule Schedule = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 2, 0.25);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(4, 800)]
    [InlineData(5, 1000)] // capped
    [InlineData(1000, 1000)] // far past the cap: still the cap, no overflow
    public void TheNominalDelayDoublesUpToTheCap(int retry, double milliseconds) =>
        Assert.Equal(milliseconds, Schedule.Nominal(retry).TotalMilliseconds, precision: 6);

    [Fact]
    public void JitterSpreadsTheDelayAroundTheNominalOne()
    {
        Assert.Equal(200, Schedule.Delay(2, 0.5).TotalMilliseconds, precision: 6);
        Assert.Equal(150, Schedule.Delay(2, 0).TotalMilliseconds, precision: 6);
        Assert.True(Schedule.Delay(2, 0.999_999).TotalMilliseconds is > 249.9 and < 250);
    }

    [Fact]
    public void EveryDrawStaysWithinTheJitterBand()
    {
        var random = new Random(7);
        for (var retry = 1; retry <= 20; retry++)
        {
            var nominal = Schedule.Nominal(retry).TotalMilliseconds;
            var delay = Schedule.Delay(retry, random.NextDouble()).TotalMilliseconds;
            Assert.InRange(delay, nominal * 0.75, nominal * 1.25);
        }
    }

    [Fact]
    public void NonsenseSchedulesAndDrawsAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffSchedule(TimeSpan.Zero, TimeSpan.FromSeconds(1), 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffSchedule(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0.5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BackoffSchedule(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(0, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Delay(1, 1));
    }

    private static readonly GatewayProbe Refused = new("127.0.0.1:30000", GatewayAnswer.Refused);
    private static readonly GatewayProbe Listening = new("127.0.0.1:30000", GatewayAnswer.Listening);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static ConnectAttempt[] Attempts(int count, GatewayProbe probe, AttemptFailure failure = AttemptFailure.Other) =>
        Enumerable.Range(1, count).Select(i => new ConnectAttempt(TimeSpan.FromSeconds(i), "failed", [probe], failure)).ToArray();

    [Fact]
    public void NothingListeningIsGivenUpOnAfterAFewAttemptsNotAtTheDeadline()
    {
        Assert.Equal(ConnectVerdict.Retry, ConnectRule.Decide(Attempts(ConnectRule.RefusedAttemptsBeforeGivingUp - 1, Refused), TimeSpan.FromSeconds(3), Deadline));
        Assert.Equal(ConnectVerdict.NothingListens, ConnectRule.Decide(Attempts(ConnectRule.RefusedAttemptsBeforeGivingUp, Refused), TimeSpan.FromSeconds(4), Deadline));
    }

    [Fact]
    public void AnUnreadableGatewayListIsNotTakenForNothingListening()
    {
        var unknown = Enumerable.Range(1, 10).Select(i => new ConnectAttempt(TimeSpan.FromSeconds(i), "failed", [])).ToArray();
        Assert.Equal(ConnectVerdict.Retry, ConnectRule.Decide(unknown, TimeSpan.FromSeconds(11), Deadline));
    }

    [Fact]
    public void ASlowGatewayIsWaitedForUntilTheDeadline()
    {
        var slow = Attempts(30, Listening, AttemptFailure.TimedOut);
        Assert.Equal(ConnectVerdict.Retry, ConnectRule.Decide(slow, TimeSpan.FromSeconds(59), Deadline));
        Assert.Equal(ConnectVerdict.DeadlinePassed, ConnectRule.Decide(slow, TimeSpan.FromSeconds(60), Deadline));
    }

    [Fact]
    public void AGatewayThatClosesEveryHandshakeIsAnotherCluster()
    {
        var closed = Attempts(ConnectRule.RefusedAttemptsBeforeGivingUp, Listening, AttemptFailure.HandshakeClosed);
        Assert.Equal(ConnectVerdict.WrongCluster, ConnectRule.Decide(closed, TimeSpan.FromSeconds(4), Deadline));
        Assert.Equal(AttemptFailure.HandshakeClosed, ConnectAttempt.Carry(AttemptFailure.Throttled, closed[^1]));
        Assert.Equal(AttemptFailure.Throttled, ConnectAttempt.Carry(AttemptFailure.Throttled, null));
    }

    [Fact]
    public void ASiloThatStartsListeningMidwayIsNotGivenUpOn()
    {
        var attempts = Attempts(ConnectRule.RefusedAttemptsBeforeGivingUp, Refused).Append(Attempts(1, Listening, AttemptFailure.TimedOut)[0]).ToArray();
        Assert.Equal(ConnectVerdict.Retry, ConnectRule.Decide(attempts, TimeSpan.FromSeconds(6), Deadline));
    }
}
