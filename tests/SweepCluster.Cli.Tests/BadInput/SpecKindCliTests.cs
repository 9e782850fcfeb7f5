// A spec of the other kind is named as such, in one line with exit code 2: a sweep spec given to `sweep train`, a
// single-trial spec given to `sweep run`, `submit` or `validate` (the same check, in SweepSpecFile, serves all three).
using SweepCluster.Cli.Commands;
using SweepCluster.Specs;

namespace SweepCluster.Cli.Tests.BadInput;

public sealed class SpecKindCliTests : IDisposable
{
    private const string TrialSpec = """
        dataset: iris
        model: { hidden: [8] }
        optimizer: { type: sgd }
        learning_rate: 0.05
        batch_size: 16
        epochs: 2
        seed: 1
        """;

    private readonly TempDirectory _dir = new();

    private static string Quickstart => Path.Combine(CliRunner.RepositoryRoot(), "examples", "quickstart.yaml");

    [Fact]
    public void A_sweep_spec_given_to_train_says_to_use_run()
    {
        var (exit, output) = CliRunner.Train(new TrainCommand.TrainOptions(new FileInfo(Quickstart)));

        Assert.Equal(2, exit);
        Assert.Equal($"error: {Quickstart} is a sweep spec: use `sweep run {Quickstart}` (or `sweep submit`, `sweep validate`); `sweep train` trains one trial spec",
            output.Trim());
    }

    [Fact]
    public async Task A_trial_spec_given_to_validate_says_to_use_train()
    {
        var spec = _dir.File("trial.yaml", TrialSpec);

        var (exit, output) = await CliRunner.CaptureAsync(console =>
            CommandErrors.GuardAsync(console, () => Task.FromResult(ValidateCommand.Run(console, new FileInfo(spec), allowLarge: false, show: 1))));

        Assert.Equal(2, exit);
        Assert.Contains($"is a single-trial spec: use `sweep train {spec}`", output);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void A_trial_spec_given_to_run_says_to_use_train_at_process_level()
    {
        var spec = _dir.File("trial.yaml", TrialSpec);

        var (exit, output) = CliRunner.Process("run", spec, "--store", "memory");

        Assert.Equal(2, exit);
        // The console wraps at 80 columns when redirected: compared without whitespace.
        Assert.Contains("single-trialspec:use`sweeptrain", string.Concat(output.Where(c => !char.IsWhiteSpace(c))));
    }

    [Theory]
    [InlineData("name: x\ndataset: iris\n", SpecKind.Sweep)]
    [InlineData("dataset: iris\nlearning_rate: [0.1, 0.01]\n", SpecKind.Sweep)]
    [InlineData("dataset: iris\nlearning_rate: 0.1\nseed: 3\n", SpecKind.Trial)]
    public void The_kind_comes_from_the_top_level_keys(string yaml, SpecKind expected) =>
        Assert.Equal(expected, SpecKinds.Of(SpecDocument.Parse(yaml, SpecFormat.Yaml)));

    [Fact]
    public void A_document_that_is_no_mapping_has_no_kind() => Assert.Null(SpecKinds.Of(SpecDocument.Parse("- 1\n- 2\n", SpecFormat.Yaml)));

    public void Dispose() => _dir.Dispose();
}
