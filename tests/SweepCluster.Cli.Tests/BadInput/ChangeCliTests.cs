// `sweep resume` and `sweep extend` as separate processes against a silo in this test process: a cancelled sweep
// resumed from the CLI completes; a finished one is extended with seeds; what cannot be done, malformed flags and
// unknown ids exit 2 with one line naming the flag or the id, and change nothing.
using System.Text.RegularExpressions;
using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Cli.Tests.BadInput;

public sealed class ChangeCliTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private const int InvalidInput = (int)ExitCode.InvalidInput;

    private const string Grid = """
        name: cli-changes
        dataset: iris
        model: { hidden: [4] }
        learning_rate: [0.05, 0.1]
        batch_size: 16
        seeds: [1]
        epochs: 3
        """;

    public static TheoryData<string[], string> BadFlags() => new()
    {
        { ["--trials", "0"], "--trials must be a whole number ≥ 1, not '0'" },
        { ["--trials", "-3"], "--trials must be a whole number ≥ 1, not '-3'" },
        { ["--trials", "many"], "--trials must be a whole number ≥ 1, not 'many'" },
        { ["--seeds", "3,x"], "--seeds must be a comma-separated list of distinct whole numbers" },
        { ["--seeds", "3,,4"], "--seeds must be a comma-separated list of distinct whole numbers" },
        { ["--seeds", "3,3"], "--seeds: seed 3 is given twice" },
        { [], "give --trials N" },
    };

    [Theory]
    [MemberData(nameof(BadFlags))]
    public async Task MalformedFlagsExitWithTwoNamingTheFlagAndChangeNothing(string[] flags, string message)
    {
        var coordinator = await SubmitAsync("cli-bad-flags");
        var (exit, text) = CliRunner.Process(["extend", "cli-bad-flags", .. flags, .. silo.Flags]);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        var line = Unwrapped(text); // one line, which the console wraps at its width
        Assert.Contains(message, line);
        Assert.Single(Regex.Matches(line, "error:"));
        Assert.Equal(2, (await coordinator.GetProgressAsync())!.TotalTrials);
    }

    [Theory]
    [InlineData("resume")]
    [InlineData("extend")]
    public void AnUnknownSweepExitsWithTwoNamingTheId(string command)
    {
        string[] flags = command == "extend" ? ["--seeds", "2"] : [];
        var (exit, text) = CliRunner.Process([command, "no-such-sweep", .. flags, .. silo.Flags]);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains("'no-such-sweep'", Unwrapped(text));
        Assert.Contains("sweep list", Unwrapped(text));
    }

    [Fact]
    public async Task AFinishedSweepIsNotResumedButExtendedWithSeedsItDoesNotHave()
    {
        var coordinator = await SubmitAsync("cli-extend");
        Assert.Equal(0, CliRunner.Process(["watch", "cli-extend", .. silo.Flags]).ExitCode);

        var (resumeExit, resumeText) = CliRunner.Process(["resume", "cli-extend", .. silo.Flags]);
        Assert.True(resumeExit == InvalidInput, $"exit {resumeExit}:\n{resumeText}");
        Assert.Contains("nothing to resume; use `sweep extend`", Unwrapped(resumeText));
        var (gridExit, gridText) = CliRunner.Process(["extend", "cli-extend", "--trials", "2", .. silo.Flags]);
        Assert.True(gridExit == InvalidInput, $"exit {gridExit}:\n{gridText}");
        Assert.Contains("grid search", Unwrapped(gridText));
        var (presentExit, presentText) = CliRunner.Process(["extend", "cli-extend", "--seeds", "1", .. silo.Flags]);
        Assert.True(presentExit == InvalidInput, $"exit {presentExit}:\n{presentText}");
        Assert.Contains("already has seed 1", Unwrapped(presentText));
        Assert.Equal(2, (await coordinator.GetProgressAsync())!.TotalTrials);

        var (exit, text) = CliRunner.Process(["extend", "cli-extend", "--seeds", "2,3", .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("by 4 trials: 6 in all", Unwrapped(text));
        Assert.Equal(0, CliRunner.Process(["watch", "cli-extend", .. silo.Flags]).ExitCode);
        var progress = (await coordinator.GetProgressAsync())!;
        Assert.Equal((SweepStatus.Completed, 6), (progress.Status, progress.Count(TrialStatus.Completed)));
    }

    [Fact]
    public async Task ACancelledSweepResumedFromTheCliCompletes()
    {
        var coordinator = await SubmitAsync("cli-resume", Grid.Replace("epochs: 3", "epochs: 200").Replace("seeds: [1]", "seeds: [1, 2, 3]"));
        await coordinator.CancelAsync(); // at once: trials of iris are fast
        await WaitAsync(coordinator, p => p.IsOver);
        var (exit, text) = CliRunner.Process(["resume", "cli-resume", .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("resumed sweep cli-changes", Unwrapped(text));
        Assert.Equal(0, CliRunner.Process(["watch", "cli-resume", .. silo.Flags]).ExitCode);
        var progress = (await coordinator.GetProgressAsync())!;
        Assert.Equal((SweepStatus.Completed, 6), (progress.Status, progress.Count(TrialStatus.Completed)));
        var (again, againText) = CliRunner.Process(["resume", "cli-resume", .. silo.Flags]);
        Assert.True(again == InvalidInput, $"exit {again}:\n{againText}");
    }

    [Fact]
    public async Task ResumingARunningSweepSaysSoAndChangesNothing()
    {
        var coordinator = await SubmitAsync("cli-running", Grid.Replace("epochs: 3", "epochs: 100000")); // still running when the CLI asks
        var (exit, text) = CliRunner.Process(["resume", "cli-running", .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("is running: nothing to resume", Unwrapped(text));
        await coordinator.CancelAsync();
    }

    private static string Unwrapped(string text) => Regex.Replace(text.Trim(), @"\s*\n\s*", " ");

    private async Task<ISweepCoordinatorGrain> SubmitAsync(string id, string yaml = Grid)
    {
        var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        var submitted = await coordinator.SubmitAsync(new SweepSubmission(yaml, $"{id}.yaml", null, IsJson: false, AllowLarge: false));
        Assert.True(submitted.Outcome is SubmitOutcome.Created or SubmitOutcome.AlreadyExists, submitted.Outcome.ToString()); // a theory's cases share one
        return coordinator;
    }

    private static async Task WaitAsync(ISweepCoordinatorGrain coordinator, Func<SweepProgress, bool> until)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!until((await coordinator.GetProgressAsync())!))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the sweep did not get there in time");
            await Task.Delay(100);
        }
    }
}
