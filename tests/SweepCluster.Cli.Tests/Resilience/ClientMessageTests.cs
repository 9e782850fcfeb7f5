using Orleans.Runtime;
using SweepCluster.Abstractions;
using SweepCluster.Cli.Cluster;
using SweepCluster.Cli.Commands;
using SweepCluster.Core;
using SweepCluster.Hosting;

namespace SweepCluster.Cli.Tests.Resilience;

/// <summary>The wording of the client's messages when it gives up, its timeout settings, and `sweep status`'s placement lines.</summary>
public sealed class ClientMessageTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static string Describe(ConnectVerdict verdict, AttemptFailure failure, params GatewayProbe[] probes) =>
        ConnectFailureMessage.Describe("gateway(s) 10.0.0.1:30000, 10.0.0.2:30000", "blue", verdict,
            [new ConnectAttempt(TimeSpan.FromSeconds(1), "Unable to connect to any of the 2 available gateways", probes, failure)],
            probes, TimeSpan.FromSeconds(2.5), Deadline, isRemote: true);

    [Fact]
    public void NothingListeningSaysRefusedAndNamesEveryGatewayAndTheAttempts()
    {
        var text = Describe(ConnectVerdict.NothingListens, AttemptFailure.Other,
            new("10.0.0.1:30000", GatewayAnswer.Refused), new("10.0.0.2:30000", GatewayAnswer.Refused));
        Assert.StartsWith("no SweepCluster silo listens at gateway(s) 10.0.0.1:30000, 10.0.0.2:30000 (cluster 'blue')", text);
        Assert.Contains("connection refused by gateways 10.0.0.1:30000 (refused), 10.0.0.2:30000 (refused)", text);
        Assert.Contains("1 attempt(s) in 2.5 s", text);
        Assert.DoesNotContain("--connect-timeout", text); // more time would not help
    }

    [Fact]
    public void ASlowClusterSaysItListensAndNamesTheSettingThatGivesMoreTime()
    {
        var text = Describe(ConnectVerdict.DeadlinePassed, AttemptFailure.TimedOut,
            new("10.0.0.1:30000", GatewayAnswer.Listening), new("10.0.0.2:30000", GatewayAnswer.NoAnswer));
        Assert.Contains("listen but did not accept this client within 60 s", text);
        Assert.Contains("10.0.0.1:30000 (listening), 10.0.0.2:30000 (no answer)", text);
        Assert.Contains(ConnectFailureMessage.TimeoutSetting, text);
        Assert.Contains("last error: Unable to connect", text);
        Assert.DoesNotContain("no SweepCluster silo", text); // it does not blame a missing silo
    }

    [Fact]
    public void AnotherClusterIsNamedAsSuch()
    {
        var text = Describe(ConnectVerdict.WrongCluster, AttemptFailure.HandshakeClosed, new GatewayProbe("10.0.0.1:30000", GatewayAnswer.Listening));
        Assert.Contains("closed every handshake of this client for cluster 'blue'", text);
        Assert.Contains("--cluster-id and --service-id", text);
    }

    [Fact]
    public void NoAnswerAtAllSaysSoAndNamesTheSetting()
    {
        var text = Describe(ConnectVerdict.DeadlinePassed, AttemptFailure.TimedOut, new GatewayProbe("10.0.0.1:30000", GatewayAnswer.NoAnswer));
        Assert.StartsWith("no SweepCluster silo answered", text);
        Assert.Contains("within 60 s", text);
        Assert.Contains(ConnectFailureMessage.TimeoutSetting, text);
    }

    [Fact]
    public void AGivenUpCallSaysWhatWasAskedHowOftenAndForHowLong()
    {
        var text = CallRetry.GaveUp("the progress of sweep s1", 9, TimeSpan.FromSeconds(120.34), new SiloUnavailableException("silo S1 is dead"));
        Assert.StartsWith("the cluster did not answer for the progress of sweep s1: 9 attempt(s) in 120.3 s, the last one: silo unavailable: ", text);
        Assert.Contains(CallRetry.PatienceSetting, text);
        Assert.DoesNotContain(Environment.NewLine, text);
    }

    [Fact]
    public async Task ACallIsRetriedThroughTransientFailuresAndRealErrorsPassAtOnce()
    {
        var calls = new CallRetry(TimeSpan.FromMinutes(1), new BackoffSchedule(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), 2, 0));
        var failures = 3;
        var answer = await calls.RunAsync("a test", () => --failures >= 0 ? throw new TimeoutException() : Task.FromResult(42));
        Assert.Equal(42, answer);
        await Assert.ThrowsAsync<InvalidOperationException>(() => calls.RunAsync<int>("a test", () => throw new InvalidOperationException()));
        var impatient = new CallRetry(TimeSpan.FromMilliseconds(1), new BackoffSchedule(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(5), 2, 0));
        var error = await Assert.ThrowsAsync<ClusterUnavailableException>(() => impatient.RunAsync<int>("a test", () => throw new TimeoutException()));
        Assert.Contains("1 attempt(s)", error.Message);
    }

    [Fact]
    public void TimeoutsComeFromTheFlagThenTheEnvironmentThenTheDefault()
    {
        var environment = new Dictionary<string, string> { [TimeoutOptions.ConnectVariable] = "90", [TimeoutOptions.RetryVariable] = "2.5" };
        var timeouts = TimeoutOptions.From("30", null, null, name => environment.GetValueOrDefault(name));
        Assert.Equal(TimeSpan.FromSeconds(30), timeouts.Connect);
        Assert.Equal(ClientTimeouts.DefaultCall, timeouts.Call);
        Assert.Equal(TimeSpan.FromSeconds(2.5), timeouts.Retry);
        Assert.Equal(TimeSpan.FromSeconds(90), TimeoutOptions.From(null, null, null, name => environment.GetValueOrDefault(name)).Connect);
    }

    [Theory]
    [InlineData("0", "--connect-timeout '0'")]
    [InlineData("-3", "--connect-timeout '-3'")]
    [InlineData("soon", "--connect-timeout 'soon'")]
    public void AMalformedTimeoutIsRefusedNamingTheFlag(string value, string expected)
    {
        var error = Assert.Throws<InvalidFlagException>(() => TimeoutOptions.From(value, null, null, _ => null));
        Assert.StartsWith(expected, error.Message);
        var fromEnvironment = Assert.Throws<InvalidFlagException>(() => TimeoutOptions.From(null, null, null, name => name == TimeoutOptions.CallVariable ? value : null));
        Assert.StartsWith($"${TimeoutOptions.CallVariable} '{value}'", fromEnvironment.Message);
    }

    [Fact]
    public void StatusNamesTheCoordinatorsSiloAndGroupsTrialsBySilo()
    {
        var lines = SweepPlacementText.Describe(new SweepPlacement("127.0.0.1:11111",
        [
            new TrialLocation(3, "127.0.0.1:11112", TrialStatus.Running),
            new TrialLocation(0, "127.0.0.1:11112", TrialStatus.Running),
            new TrialLocation(5, "127.0.0.1:11113", TrialStatus.Pending),
        ]));
        Assert.Equal(["coordinator on 127.0.0.1:11111", "trials on 127.0.0.1:11112: 0, 3", "trials on 127.0.0.1:11113: 5 (starting)"], lines);
        Assert.Equal(["coordinator on 127.0.0.1:11111", "no trial in flight"], SweepPlacementText.Describe(new SweepPlacement("127.0.0.1:11111", [])));
    }
}
