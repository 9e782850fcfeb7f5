// Refused invocations at process level: exit code 2, one line on standard error, no help text, no stack trace.
using SweepCluster.Cli.Tests.Resilience;

namespace SweepCluster.Cli.Tests.Usage;

public sealed class UsageCliTests
{
    private static string Quickstart => Path.Combine(CliRunner.RepositoryRoot(), "examples", "quickstart.yaml");

    [Theory]
    [InlineData("did you mean `run`?", "rn", "{spec}")]
    [InlineData("did you mean `--slots`?", "run", "{spec}", "--slotz", "2")]
    [InlineData("--format: ", "report", "s1", "--format", "pdf")]
    [InlineData("--slots must be 0 (one per processor) or more, got -1", "run", "{spec}", "--slots", "-1", "--store", "memory")]
    [InlineData("--slots: 'abc' is not a whole number", "run", "{spec}", "--slots", "abc")]
    [InlineData("--show must be 0 or more, got -1", "validate", "{spec}", "--show", "-1")]
    public async Task A_refused_invocation_is_one_line_and_exit_code_2(string expected, params string[] arguments)
    {
        var result = await CliProcesses.RunAsync(Path.GetTempPath(), arguments.Select(a => a.Replace("{spec}", Quickstart)).ToArray());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(expected, result.Output);
        Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", result.Output);
        Assert.DoesNotContain("Usage:", result.Output);
        Assert.False(result.HasStackTrace, result.ToString());
    }
}
