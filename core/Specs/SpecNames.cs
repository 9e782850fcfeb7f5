// The snake_case names that specs use for enum members (leaky_relu ↔ LeakyRelu, rmsprop ↔ RmsProp), in both
// directions. Parsing is forgiving about case and '_'/'-' ("LeakyRelu", "leaky-relu" also work); writing always
// uses the canonical snake_case name. The store writes the same names into its text columns (statuses, metrics,
// schedule families), so that a reader sees the spec's own words.
using System.Text;

namespace SweepCluster.Core.Specs;

/// <summary>Spec names of enum members.</summary>
public static class SpecNames
{
    /// <summary>Members whose spec name is not the plain snake_case of the member name.</summary>
    private static readonly Dictionary<Enum, string> Overrides = new()
    {
        [OptimizerKind.RmsProp] = "rmsprop",
        [OptimizerKind.AdamW] = "adamw",
    };

    /// <summary>The canonical spec name of an enum member, e.g. "inverse_time".</summary>
    public static string Of<T>(T value) where T : struct, Enum =>
        Overrides.TryGetValue(value, out var name) ? name : SnakeCase(value.ToString());

    /// <summary>All spec names of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    /// <summary>Parses a spec name (case-insensitive; '_' and '-' optional).</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        var wanted = Normalize(text);
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Normalize(Of(candidate)) == wanted)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The member whose canonical name is exactly <paramref name="text"/> (as the store wrote it).</summary>
    /// <exception cref="FormatException">No member has that name.</exception>
    public static T Parse<T>(string text) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == text) return candidate;
        }
        throw new FormatException($"'{text}' is not a {typeof(T).Name} (expected one of {string.Join(", ", All<T>())})");
    }

    private static string Normalize(string text) => text.Replace("_", "").Replace("-", "").ToLowerInvariant();

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
