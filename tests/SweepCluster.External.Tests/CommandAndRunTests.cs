// What a command and a run refuse on construction, and their defaults.
namespace SweepCluster.External.Tests;

public sealed class CommandAndRunTests
{
    [Fact]
    public void A_command_defaults_to_no_timeout_no_extra_environment_and_a_ten_second_grace()
    {
        var command = new ExternalTrainerCommand { Argv = ["python3", "train.py"], WorkingDirectory = "." };

        Assert.Null(command.Timeout);
        Assert.Empty(command.Environment);
        Assert.Equal(TimeSpan.FromSeconds(10), command.StopGrace);
    }

    public static TheoryData<Func<ExternalTrainerCommand>> BadCommands => new()
    {
        () => new ExternalTrainerCommand { Argv = [], WorkingDirectory = "." },
        () => new ExternalTrainerCommand { Argv = [""], WorkingDirectory = "." },
        () => new ExternalTrainerCommand { Argv = ["  ", "train.py"], WorkingDirectory = "." },
        () => new ExternalTrainerCommand { Argv = ["python3"], WorkingDirectory = "" },
        () => new ExternalTrainerCommand { Argv = ["python3"], WorkingDirectory = ".", Timeout = TimeSpan.Zero },
        () => new ExternalTrainerCommand { Argv = ["python3"], WorkingDirectory = ".", Timeout = TimeSpan.FromSeconds(-1) },
        () => new ExternalTrainerCommand { Argv = ["python3"], WorkingDirectory = ".", StopGrace = TimeSpan.FromSeconds(-1) },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void Bad_commands_are_refused(Func<ExternalTrainerCommand> create) => Assert.ThrowsAny<ArgumentException>(create);

    // label, trial file, planned epochs, resume_from_epoch
    [Theory]
    [InlineData("", "trial.json", 3, 0)]
    [InlineData("trial 1", " ", 3, 0)]
    [InlineData("trial 1", "trial.json", 0, 0)]
    [InlineData("trial 1", "trial.json", 3, -1)]
    [InlineData("trial 1", "trial.json", 3, 3)]
    public void Bad_runs_are_refused(string label, string trialFile, int plannedEpochs, int resumeFromEpoch) =>
        Assert.ThrowsAny<ArgumentException>(() => new ExternalTrialRun(label, trialFile, plannedEpochs, resumeFromEpoch));
}
