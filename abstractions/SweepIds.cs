// Sweep ids become grain keys and folder names (./sweeps/<name>-<id>/), so they are restricted to a safe alphabet.
using System.Text.RegularExpressions;

namespace SweepCluster.Abstractions;

public static partial class SweepIds
{
    public const int MaxLength = 100;

    /// <summary>Letters, digits, '.', '_' and '-', starting with a letter or digit, at most <see cref="MaxLength"/> long, no "..".</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(id) && !id.Contains("..");

    public const string Rule = "a sweep id is 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit (no '/', no '..')";

    /// <summary>A fresh id: the UTC time and 4 random hex digits, e.g. 20261126-172600-3fa2.</summary>
    public static string New(DateTimeOffset now) => $"{now.UtcDateTime:yyyyMMdd-HHmmss}-{Random.Shared.Next(RandomSuffixRange):x4}";

    private const int RandomSuffixRange = 0x10000;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Pattern();
}
