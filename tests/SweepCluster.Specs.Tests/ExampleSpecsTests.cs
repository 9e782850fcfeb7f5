// examples/ against its README and the loaders: every spec file there (any depth) is listed in examples/README.md, and
// is of the kind its folder says. Files directly in examples/ are sweep specs (`sweep run`), files in examples/trials/
// single-trial specs (`sweep train`): SpecKinds names the kind as the CLI does, and the loader of that kind binds it.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Specs.Tests;

public sealed class ExampleSpecsTests
{
    private static readonly string Examples = Path.Combine(SpecReference.RepositoryRoot(), "examples");
    private static readonly string Trials = Path.Combine(Examples, "trials");
    private static readonly string[] SpecExtensions = [".yaml", ".yml", ".json"];

    /// <summary>Every spec file under examples/, relative to it with '/' separators ("trials/digits-sgd.yaml").</summary>
    private static string[] Files() =>
        Directory.EnumerateFiles(Examples, "*", SearchOption.AllDirectories)
            .Where(f => SpecExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(Examples, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> ExampleFiles() => new(Files());

    [Fact]
    public void ThereAreSweepsAndTrials()
    {
        var files = Files();
        Assert.Contains("quickstart.yaml", files);
        Assert.Contains(files, f => f.StartsWith("trials/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void EveryExample_IsListedInTheExamplesReadme(string file)
    {
        var readme = File.ReadAllText(Path.Combine(Examples, "README.md"));
        Assert.True(readme.Contains($"`{file}`", StringComparison.Ordinal), $"examples/README.md does not list `{file}`");
    }

    [Theory]
    [MemberData(nameof(ExampleFiles))]
    public void EveryExample_IsOfTheKindItsFolderSays(string file)
    {
        var path = Path.Combine(Examples, file);
        var folder = Path.GetDirectoryName(path)!;
        SpecKind expected = folder == Examples ? SpecKind.Sweep
            : folder == Trials ? SpecKind.Trial
            : throw new InvalidOperationException($"examples/{file}: spec files go directly in examples/ (sweeps) or in examples/trials/ (single trials)");

        Assert.Equal(expected, SpecKinds.Of(SpecDocument.Load(path)));
        if (expected == SpecKind.Sweep) Assert.NotNull(SweepSpecLoader.Load(path));
        else Assert.NotNull(TrialSpecLoader.Load(path).Spec);
    }
}
