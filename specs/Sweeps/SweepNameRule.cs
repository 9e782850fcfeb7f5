// The rule for sweep names (they become folder names): 1–64 characters of letters, digits, '.', '_' and '-', and not
// "." or "..". Also derives the default name from the spec's file name. It does not create folders.
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Validates sweep names.</summary>
public static class SweepNameRule
{
    /// <summary>What a valid name looks like, for error messages.</summary>
    public const string Description =
        "a sweep name is 1-64 characters of letters, digits, '.', '_' and '-' (it becomes a folder name), e.g. digits-schedules";

    /// <summary>True for 1–<see cref="SweepLimits.MaxNameLength"/> characters of [A-Za-z0-9._-], other than "." and "..".</summary>
    public static bool IsValid(string name) =>
        name.Length is >= 1 and <= SweepLimits.MaxNameLength
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
        && name is not "." and not "..";

    /// <summary>The name a spec gets without a <c>name</c> key: its file name without extension.</summary>
    public static string DefaultFor(string source) =>
        source == SpecError.InlineSource ? SweepLimits.InlineDefaultName : Path.GetFileNameWithoutExtension(source);
}
