// The snake_case names that specs use for enum members (leaky_relu ↔ LeakyRelu, rmsprop ↔ RmsProp), in both
// directions. Parsing is forgiving about case and '_'/'-' ("LeakyRelu", "leaky-relu" also work); writing always
// uses the canonical snake_case name. The store writes the same names into its text columns (statuses, metrics,
// schedule families), so that a reader sees the spec's own words. Each enum's names are worked out once (NameTable)
// and looked up afterwards: specs are bound once per trial, and run tables name a status per row.
using System.Collections.Frozen;
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
        NameTable<T>.Names.TryGetValue(value, out var name) ? name : NameOf(value);

    /// <summary>All spec names of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => NameTable<T>.All;

    /// <summary>Parses a spec name (case-insensitive; '_' and '-' optional).</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum =>
        NameTable<T>.ByNormalizedName.TryGetValue(Normalize(text), out value);

    /// <summary>The member whose canonical name is exactly <paramref name="text"/> (as the store wrote it).</summary>
    /// <exception cref="FormatException">No member has that name.</exception>
    public static T Parse<T>(string text) where T : struct, Enum =>
        NameTable<T>.ByName.TryGetValue(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a {typeof(T).Name} (expected one of {string.Join(", ", All<T>())})");

    /// <summary>The spec name of one member, worked out (not looked up).</summary>
    private static string NameOf<T>(T value) where T : struct, Enum =>
        Overrides.TryGetValue(value, out var name) ? name : SnakeCase(value.ToString());

    /// <summary>The spec names of <typeparamref name="T"/>'s members, worked out once. Where two members share a name
    /// (aliases), the first declared wins, as a scan in declaration order would find it.</summary>
    private static class NameTable<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<T, string> Names =
            Enum.GetValues<T>().DistinctBy(member => member).ToFrozenDictionary(member => member, NameOf);

        public static readonly IReadOnlyList<string> All = Enum.GetValues<T>().Select(NameOf).ToArray();

        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().DistinctBy(NameOf).ToFrozenDictionary(NameOf, member => member, StringComparer.Ordinal);

        public static readonly FrozenDictionary<string, T> ByNormalizedName =
            Enum.GetValues<T>().DistinctBy(member => Normalize(NameOf(member))).ToFrozenDictionary(member => Normalize(NameOf(member)), member => member, StringComparer.Ordinal);
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
