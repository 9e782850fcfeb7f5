namespace SweepCluster.Engine.Data;

/// <summary>A data file that cannot be read: names the file, the 1-based line and column, and what was expected.</summary>
public sealed class DataFormatException(string file, int? line, int? column, string message)
    : Exception(Format(file, line, column, message))
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public int? Column { get; } = column;
    public string Reason { get; } = message;

    private static string Format(string file, int? line, int? column, string message) =>
        (line, column) switch
        {
            ({ } l, { } c) => $"{file}:{l}: column {c}: {message}",
            ({ } l, null) => $"{file}:{l}: {message}",
            _ => $"{file}: {message}",
        };
}
