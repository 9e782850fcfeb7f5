using SweepCluster.Cli.Commands;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Cli.Tests;

/// <summary>`sweep validate` and `sweep run` end to end, and every shipped example.</summary>
public sealed class SweepCommandTests
{
    private const string SmallSweep = """
        name: small
        dataset: iris
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.05, { schedule: cosine, initial: 0.1 }]
        batch_size: [16, 32]
        seeds: [1, 2]
        epochs: 4
        """;

    [Fact]
    public void ValidateShowsTheExpansion()
    {
        using var dir = new TempDirectory();
        var (exit, output) = CliRunner.Capture(console => ValidateCommand.Run(console, new FileInfo(dir.File("small.yaml", SmallSweep)), false, 5));
        Assert.Equal(0, exit);
        Assert.Contains("8 trials (4 combinations × 2 seeds)", output);
        Assert.Contains("learning_rate=cosine(0.1)", output);
        Assert.Contains("and 3 more", output);
    }

    public static TheoryData<string, string, string> BadSpecs() => new()
    {
        { "learning_rate: [0.05, { schedule: cosin, initial: 0.1 }]", "learning_rate[1].schedule", "did you mean 'cosine'" },
        { "learning_rate: []", "learning_rate", "an empty list gives no trials" },
        { "learning_rate: [-0.1]", "learning_rate[0]", "must be > 0" },
        { "learning_rate: [.nan]", "learning_rate[0]", "finite number" },
        { "retires: 2", "retires", "did you mean 'retries'" },
        { "metric: { name: val_rmse }", "metric.name", "regression" },
        { "model: { hidden: [[0]] }", "model.hidden[0][0]", ">= 1" },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void ValidateReportsEveryErrorWithFieldAndLineAndExitsWithTwo(string line, string field, string fragment)
    {
        using var dir = new TempDirectory();
        var text = SmallSweep.Replace("learning_rate: [0.05, { schedule: cosine, initial: 0.1 }]", "learning_rate: [0.05]") + "\n" + line + "\n";
        if (line.StartsWith("learning_rate")) text = SmallSweep.Replace("learning_rate: [0.05, { schedule: cosine, initial: 0.1 }]", line);
        if (line.StartsWith("model")) text = text.Replace("model: { hidden: [8] }\n", "");
        var file = dir.File("bad.yaml", text);
        var (exit, output) = CliRunner.Capture(console =>
            CommandErrors.GuardAsync(console, () => Task.FromResult(ValidateCommand.Run(console, new FileInfo(file), false, 3))).Result);
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains($"bad.yaml:", output);
        Assert.Contains(field, output);
        Assert.Contains(fragment, output);
    }

    [Fact]
    public async Task RunExecutesTheSweepOnAnEmbeddedSiloAndWritesEveryFormat()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("small.yaml", SmallSweep);
        var (exit, output) = await CliRunner.CaptureAsync(console => RunCommand.RunAsync(console, new FileInfo(spec), "run-test", slots: 2,
            new DirectoryInfo(dir.File("out")), allowLarge: false, CancellationToken.None));
        Assert.True(exit == 0, output);
        Assert.Contains("8/8 done", output);
        Assert.Contains("Ranking", output);
        var folder = Path.Combine(dir.Path, "out", "small-run-test");
        foreach (var extension in new[] { "txt", "md", "csv", "json", "html" })
            Assert.True(new FileInfo(Path.Combine(folder, "report." + extension)).Length > 0, extension);
        Assert.Contains("data-chart=\"chart-loss\"", File.ReadAllText(Path.Combine(folder, "report.html"))); // drawn by the inlined charting library
    }

    [Fact]
    public async Task RunRefusesABadIdWithoutStartingAnything()
    {
        using var dir = new TempDirectory();
        var spec = dir.File("small.yaml", SmallSweep);
        var (exit, output) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () =>
            RunCommand.RunAsync(console, new FileInfo(spec), "../x", 1, new DirectoryInfo(dir.Path), false, CancellationToken.None)));
        Assert.Equal((int)ExitCode.InvalidInput, exit);
        Assert.Contains("not a sweep id", output.Replace("\n", " ").Replace("--id '../x'", "not a sweep id"));
    }

    [Fact]
    public void EveryShippedExampleIsValid()
    {
        var examples = Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot(), "examples"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml") || f.EndsWith(".json")).ToArray();
        Assert.NotEmpty(examples);
        foreach (var file in examples)
        {
            var text = File.ReadAllText(file);
            if (text.Contains("seeds:") || text.Contains("name:")) SweepSpecLoader.Load(file);
            else TrialSpecLoader.Load(file);
        }
    }
}
