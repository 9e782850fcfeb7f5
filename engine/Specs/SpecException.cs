namespace SweepCluster.Engine.Specs;

/// <summary>One problem found in a spec: where it is and what would be valid.</summary>
/// <param name="Source">The file (or "&lt;inline&gt;").</param>
/// <param name="Field">Dotted path of the field, e.g. "learning_rate.initial"; empty for the whole document.</param>
/// <param name="Line">1-based line in the file, when known.</param>
/// <param name="Message">What is wrong and what is valid.</param>
public sealed record SpecError(string Source, string Field, int? Line, string Message)
{
    /// <summary>The source of errors found outside a file (by the catalog or the trainer), before a caller names the file.</summary>
    public const string InlineSource = "<inline>";

    public override string ToString()
    {
        var where = Line is { } line ? $"{Source}:{line}" : Source;
        return Field.Length == 0 ? $"{where}: {Message}" : $"{where}: {Field}: {Message}";
    }
}

/// <summary>Thrown when a spec is invalid; carries every error found, not only the first.</summary>
public sealed class SpecException(IReadOnlyList<SpecError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public SpecException(SpecError error) : this([error]) { }

    public IReadOnlyList<SpecError> Errors { get; } = errors;

    /// <summary>The same errors, with <see cref="SpecError.InlineSource"/> replaced by <paramref name="source"/>.</summary>
    public SpecException WithSource(string source) =>
        new(Errors.Select(e => e.Source == SpecError.InlineSource ? e with { Source = source } : e).ToArray());
}
