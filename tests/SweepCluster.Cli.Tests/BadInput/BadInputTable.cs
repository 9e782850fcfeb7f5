// The bad-input table of issue 4, read from the folder the cluster tests own
// (tests/SweepCluster.Cluster.Tests/BadInput/Cases): one spec file per case plus cases.json with what its error must say.
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace SweepCluster.Cli.Tests.BadInput;

/// <summary>One bad input and what its error must contain (see cases.json).</summary>
public sealed record BadInputCase(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("expect")] string[] Expect)
{
    /// <summary>Where the error must point: "file:line: field:" (the parts that are known), all on one line.</summary>
    public string Locator =>
        (Line is { } line ? $"{File}:{line}:" : $"{File}:") + (Field is { } path ? $" {path}:" : "");

    public string SpecPath => Path.Combine(Folder, File);

    public static string Folder { get; } = Path.Combine(CliRunner.RepositoryRoot(), "tests", "SweepCluster.Cluster.Tests", "BadInput", "Cases");

    public static IReadOnlyList<BadInputCase> All { get; } =
        JsonSerializer.Deserialize<BadInputCase[]>(System.IO.File.ReadAllText(Path.Combine(Folder, "cases.json")))!;

    public static BadInputCase Named(string name) => All.Single(c => c.Case == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Case);
        return data;
    }

    /// <summary>Asserts that the command's output points at the case and says what is valid.</summary>
    public void AssertReported(string output)
    {
        var lines = output.Split('\n');
        Assert.True(lines.Any(l => l.Contains(Locator, StringComparison.Ordinal)), $"no line points at '{Locator}':\n{output}");
        foreach (var fragment in Expect) Assert.True(output.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' missing from:\n{output}");
    }
}

/// <summary>A captured console too wide to wrap any message (paths make error lines long).</summary>
public static class WideConsole
{
    public static async Task<(int ExitCode, string Output)> CaptureAsync(Func<IAnsiConsole, Task<int>> command)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 100_000;
        return (await command(console), writer.ToString());
    }
}
