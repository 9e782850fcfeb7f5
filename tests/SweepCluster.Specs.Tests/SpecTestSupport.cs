// Test helpers for the spec reader: a temporary directory for spec files, error capture, and a field-by-field
// comparison of TrialSpecs (records with IReadOnlyList members do not compare by value).
using System.Text.Json;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Tests;

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "spec-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

internal static class SpecAssert
{
    /// <summary>The errors thrown while parsing and binding <paramref name="text"/>.</summary>
    public static IReadOnlyList<SpecError> Errors(string text, SpecFormat format = SpecFormat.Yaml) =>
        Assert.Throws<SpecException>(() => TrialSpecLoader.Parse(text, format, "test.spec")).Errors;

    /// <summary>Asserts one error has this field and line and a message containing <paramref name="fragment"/>.</summary>
    public static SpecError HasError(IReadOnlyList<SpecError> errors, string field, int? line, string fragment)
    {
        var listing = string.Join(Environment.NewLine, errors);
        var match = errors.FirstOrDefault(e => e.Field == field);
        Assert.True(match is not null, $"no error for field '{field}'; got:{Environment.NewLine}{listing}");
        Assert.True(line == match!.Line && match.Message.Contains(fragment, StringComparison.Ordinal),
            $"expected line {line} and a message containing:{Environment.NewLine}  {fragment}{Environment.NewLine}got:{Environment.NewLine}{listing}");
        return match;
    }

    /// <summary>Compares two specs property by property (lists by content), naming the first difference.</summary>
    public static void Equal(TrialSpec expected, TrialSpec actual)
    {
        foreach (var property in typeof(TrialSpec).GetProperties())
        {
            var want = JsonSerializer.Serialize(property.GetValue(expected));
            var got = JsonSerializer.Serialize(property.GetValue(actual));
            Assert.True(want == got, $"{property.Name} differs:{Environment.NewLine}expected {want}{Environment.NewLine}actual   {got}");
        }
    }
}
