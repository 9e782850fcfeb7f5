// The snake_case text that specs use for enum members (inverse_time, leaky_relu, adamw, val_accuracy), written into
// text columns (statuses, metrics, schedule families) so that a reader sees the spec's own words. The same rule as
// the spec language's names (specs/SpecNames.cs), kept here because the store depends on core only.
using System.Text;
using SweepCluster.Core.Specs;

namespace SweepCluster.Store;

/// <summary>Spec-style names of enum members.</summary>
public static class EnumText
{
    /// <summary>Members whose name is not the plain snake_case of the member name.</summary>
    private static readonly Dictionary<Enum, string> Overrides = new()
    {
        [OptimizerKind.RmsProp] = "rmsprop",
        [OptimizerKind.AdamW] = "adamw",
    };

    /// <summary>The snake_case name of <paramref name="value"/>, e.g. "inverse_time".</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Overrides.TryGetValue(value, out var name) ? name : SnakeCase(value.ToString());

    /// <summary>The member whose <see cref="Of{T}"/> is <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">No member has that name.</exception>
    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == text) return candidate;
        }
        throw new FormatException($"'{text}' is not a {typeof(T).Name} (expected one of {string.Join(", ", Enum.GetValues<T>().Select(Of))})");
    }

    private static string SnakeCase(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) builder.Append('_');
            builder.Append(char.ToLowerInvariant(pascal[i]));
        }
        return builder.ToString();
    }
}
