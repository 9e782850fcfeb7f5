// The bad-input table, shared by the cluster tests and the CLI tests: Cases/cases.json (in
// tests/SweepCluster.Cluster.Tests/BadInput/) names each case's spec file (beside the CSVs it uses) and what its error
// must say; the grain tests check the submission's errors, the CLI tests the command's output.
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace SweepCluster.Testing;

/// <summary>One bad input and what its error must contain.</summary>
/// <param name="Case">A short name (the theory row).</param>
/// <param name="File">The spec file in Cases/.</param>
/// <param name="Field">The field path the error names, if any.</param>
/// <param name="Line">The spec line the error names, if any.</param>
/// <param name="Expect">Fragments that must appear: what is valid, and data-file locations.</param>
public sealed record BadInputCase(
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("field")] string? Field,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("expect")] string[] Expect)
{
    /// <summary>Where the error must point: "file:line: field:" (the parts that are known), all in one error.</summary>
    public string Locator =>
        (Line is { } line ? $"{File}:{line}:" : $"{File}:") + (Field is { } path ? $" {path}:" : "");

    public string SpecPath => Path.Combine(Folder, File);

    public static string Folder { get; } = FindFolder();

    public static IReadOnlyList<BadInputCase> All { get; } =
        JsonSerializer.Deserialize<BadInputCase[]>(System.IO.File.ReadAllText(Path.Combine(Folder, "cases.json")))!;

    public static BadInputCase Named(string name) => All.Single(c => c.Case == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in All) data.Add(c.Case);
        return data;
    }

    /// <summary>Asserts that <paramref name="errors"/> (one entry per error) point at the case and say what is valid.</summary>
    public void AssertReported(IReadOnlyList<string> errors)
    {
        var all = string.Join("\n", errors);
        Assert.True(errors.Any(e => e.Contains(Locator, StringComparison.Ordinal)),
            $"no error points at '{Locator}':\n{all}");
        foreach (var fragment in Expect) Assert.True(all.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' missing from:\n{all}");
    }

    /// <summary>Asserts that a command's output points at the case (on one line) and says what is valid.</summary>
    public void AssertReported(string output)
    {
        var lines = output.Split('\n');
        Assert.True(lines.Any(l => l.Contains(Locator, StringComparison.Ordinal)), $"no line points at '{Locator}':\n{output}");
        foreach (var fragment in Expect) Assert.True(output.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' missing from:\n{output}");
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln")))
                return Path.Combine(dir.FullName, "tests", "SweepCluster.Cluster.Tests", "BadInput", "Cases");
        throw new InvalidOperationException("tests run from inside the repository");
    }
}
