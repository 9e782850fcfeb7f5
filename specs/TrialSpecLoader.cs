// The entry point for trial specs: file or text → validated TrialSpec plus the directory its relative paths are
// relative to. It only composes SpecDocument (reading) and TrialSpecBinder (binding); it does not load datasets.
using SweepCluster.Core.Specs;

namespace SweepCluster.Specs;

/// <summary>A bound trial spec and where it came from.</summary>
/// <param name="Spec">The validated spec.</param>
/// <param name="Source">The file path as given, or the source name.</param>
/// <param name="BaseDirectory">Absolute directory that a relative <see cref="TrialSpec.Dataset"/> path is relative to.</param>
public sealed record LoadedTrialSpec(TrialSpec Spec, string Source, string BaseDirectory)
{
    private const string CsvExtension = ".csv";

    /// <summary>The absolute path of a .csv dataset (resolved against <see cref="BaseDirectory"/>); null for a built-in name.</summary>
    public string? DatasetPath =>
        Spec.Dataset.EndsWith(CsvExtension, StringComparison.OrdinalIgnoreCase)
            ? Path.GetFullPath(Path.Combine(BaseDirectory, Spec.Dataset))
            : null;
}

/// <summary>Loads trial specs from YAML or JSON.</summary>
public static class TrialSpecLoader
{
    /// <summary>Reads, parses and binds a .yaml/.yml/.json file; throws <see cref="SpecException"/> with every error.</summary>
    public static LoadedTrialSpec Load(string path)
    {
        var document = SpecDocument.Load(path);
        return new LoadedTrialSpec(TrialSpecBinder.Bind(document), document.Source, document.BaseDirectory);
    }

    /// <summary>Parses and binds spec text; <paramref name="baseDirectory"/> defaults to the current directory.</summary>
    public static LoadedTrialSpec Parse(string text, SpecFormat format, string sourceName = "<inline>", string? baseDirectory = null)
    {
        var document = SpecDocument.Parse(text, format, sourceName, baseDirectory);
        return new LoadedTrialSpec(TrialSpecBinder.Bind(document), document.Source, document.BaseDirectory);
    }
}
