// `sweep validate` refuses a sweep whose largest trial is over the memory budget of one trial: exit code 2 and one
// error line naming the field, the estimate and the budget. The quickstart still validates under the default budget.
using SweepCluster.Cli.Commands;
using SweepCluster.Engine.Memory;

namespace SweepCluster.Cli.Tests.BadInput;

public sealed class MemoryLimitCliTests
{
    private const int InvalidInput = (int)ExitCode.InvalidInput;

    /// <summary>A budget every test machine can state: 30,000,000 hidden units need far more (~148 GB).</summary>
    private const long BudgetMb = 4096;

    private static string Spec(long hidden) => $$"""
        name: too-large
        dataset: digits
        model: { hidden: [{{hidden}}] }
        seeds: [1]
        epochs: 1
        """;

    [Theory]
    [InlineData(30_000_000L, BudgetMb)]
    [InlineData(1_000_000_000L, 0L)] // 0: the machine's default share (~4.8 TB is over any)
    public async Task ValidateRefusesAModelOverTheBudgetWithOneLine(long hidden, long budgetMb)
    {
        using var dir = new TempDirectory();
        var path = dir.File("too-large.yaml", Spec(hidden));

        var (exit, text) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () =>
            Task.FromResult(ValidateCommand.Run(console, new FileInfo(path), allowLarge: false, show: 3, budgetMb))));

        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        var line = Assert.Single(text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"too-large.yaml:3: {TrialMemoryCheck.HiddenField}:", line);
        Assert.Matches(@"needs about [\d,.]+ (GB|TB) of memory, over the budget of [\d,.]+ (MB|GB)", line);
        Assert.Contains("what would fit", line);
        if (budgetMb > 0) Assert.Contains($"budget of {ByteCount.Format(BudgetMb * ByteCount.Megabyte)}", line);
    }

    [Fact]
    public void TheSweepCommandRefusesTheBillionUnitLayerWithExitCodeTwo()
    {
        using var dir = new TempDirectory();
        var path = dir.File("too-large.yaml", Spec(1_000_000_000));

        var (exit, output) = CliRunner.Process("validate", path);

        Assert.True(exit == InvalidInput, $"exit {exit}:\n{output}");
        Assert.Contains(TrialMemoryCheck.HiddenField, output);
        Assert.Contains(TrialMemoryBudget.Flag, output);
    }

    [Fact]
    public async Task TheQuickstartFitsTheDefaultBudget()
    {
        var quickstart = Path.Combine(CliRunner.RepositoryRoot(), "examples", "quickstart.yaml");
        var (exit, text) = await CliRunner.CaptureAsync(console => CommandErrors.GuardAsync(console, () =>
            Task.FromResult(ValidateCommand.Run(console, new FileInfo(quickstart), allowLarge: false, show: 1))));
        Assert.True(exit == (int)ExitCode.Success, $"exit {exit}:\n{text}");
    }
}
