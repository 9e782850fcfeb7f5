// Reads typed values (numbers, whole numbers, booleans, strings, enum names, mappings, lists) from spec nodes,
// reporting a positioned error and returning false when a node does not fit. Also the shared wording for range
// checks and unknown keys. It knows no field names: callers pass the dotted path.
using SweepCluster.Core.Specs;
using System.Globalization;
using System.Text.Json;

namespace SweepCluster.Specs;

/// <summary>Typed reads from spec nodes, with errors reported to a <see cref="SpecBindContext"/>.</summary>
public static class SpecValues
{
    private const string FiniteRule = "must be a finite number";
    private const string WholeExpected = "a whole number (e.g. 30)";
    private static readonly string[] NonFiniteWords = ["nan", "inf", "infinity", "∞"];
    private static readonly string[] Yaml11Booleans = ["yes", "no", "on", "off", "y", "n"];

    /// <summary>A finite floating-point number. Rejects NaN, ±Infinity (.nan, .inf, "NaN", 1e999), strings and lists.</summary>
    public static bool TryNumber(SpecBindContext ctx, SpecNode node, string field, out double value)
    {
        value = 0;
        const string expected = "a number (e.g. 0.1)";
        return TryNumberText(ctx, node, field, expected, out var text) && TryFinite(ctx, node, field, text, expected, out value);
    }

    /// <summary>A whole number in the range of <see cref="long"/>; "1e3" is accepted, "2.5" is not.</summary>
    public static bool TryLong(SpecBindContext ctx, SpecNode node, string field, out long value) =>
        TryWhole(ctx, node, field, long.MinValue, long.MaxValue, out value);

    /// <summary>A whole number in the range of <see cref="int"/>.</summary>
    public static bool TryInt(SpecBindContext ctx, SpecNode node, string field, out int value)
    {
        var ok = TryWhole(ctx, node, field, int.MinValue, int.MaxValue, out var wide);
        value = (int)wide;
        return ok;
    }

    /// <summary>true or false (case-insensitive in YAML; JSON true/false).</summary>
    public static bool TryBool(SpecBindContext ctx, SpecNode node, string field, out bool value)
    {
        value = false;
        if (node is SpecScalar { JsonKind: JsonTokenType.True or JsonTokenType.False } json)
        {
            value = json.JsonKind == JsonTokenType.True;
            return true;
        }
        if (node is SpecScalar { Quoted: false, JsonKind: null, IsNull: false } plain)
        {
            if (bool.TryParse(plain.Text, out value)) return true;
            if (Yaml11Booleans.Contains(plain.Text.ToLowerInvariant()))
            {
                ctx.Error(field, node, $"expected true or false, found '{plain.Text}' (YAML 1.1 words like yes/no/on/off are not booleans here)");
                return false;
            }
        }
        ctx.Error(field, node, $"expected true or false, found {node.Describe()}");
        return false;
    }

    /// <summary>A non-empty string. YAML plain scalars count as strings; JSON needs a string token.</summary>
    public static bool TryString(SpecBindContext ctx, SpecNode node, string field, out string value)
    {
        value = "";
        if (node is SpecScalar { IsNull: false } scalar && (scalar.JsonKind is null or JsonTokenType.String))
        {
            value = scalar.Text;
            if (value.Trim().Length > 0) return true;
            ctx.Error(field, node, "must not be empty");
            return false;
        }
        ctx.Error(field, node, $"expected a string, found {node.Describe()}");
        return false;
    }

    /// <summary>An enum member by its spec name (see <see cref="SpecNames"/>); errors list the valid names with a suggestion.</summary>
    /// <param name="what">The noun for messages, e.g. "activation".</param>
    public static bool TryEnum<T>(SpecBindContext ctx, SpecNode node, string field, string what, out T value)
        where T : struct, Enum
    {
        value = default;
        var valid = SpecNames.All<T>();
        if (node is not SpecScalar { IsNull: false } scalar || scalar.JsonKind is not (null or JsonTokenType.String))
        {
            ctx.Error(field, node, $"expected the name of a {what}, found {node.Describe()}. Valid values: {string.Join(", ", valid)}");
            return false;
        }
        if (SpecNames.TryParse(scalar.Text, out value)) return true;
        ctx.Error(field, node, Sentences(
            $"unknown {what} '{scalar.Text}'{SpecSuggest.DidYouMean(scalar.Text, valid)}", $"Valid values: {string.Join(", ", valid)}"));
        return false;
    }

    /// <summary>The node as a mapping, or null after reporting what was expected.</summary>
    public static SpecMapping? Mapping(SpecBindContext ctx, SpecNode node, string field, string example)
    {
        if (node is SpecMapping mapping) return mapping;
        ctx.Error(field, node, $"expected a mapping such as {example}, found {node.Describe()}");
        return null;
    }

    /// <summary>The node as a list, or null after reporting what was expected.</summary>
    public static SpecSequence? Sequence(SpecBindContext ctx, SpecNode node, string field, string example)
    {
        if (node is SpecSequence sequence) return sequence;
        ctx.Error(field, node, $"expected a list such as {example}, found {node.Describe()}");
        return null;
    }

    /// <summary>Reports an unknown key with a did-you-mean and the valid keys.</summary>
    /// <param name="hint">Extra advice appended before the list of valid keys, e.g. where the key belongs.</param>
    /// <param name="suggestFrom">Names to suggest from when wider than the valid keys (default: the valid keys).</param>
    public static void UnknownKey(SpecBindContext ctx, SpecEntry entry, string parent, IEnumerable<string> validKeys,
        string? hint = null, IEnumerable<string>? suggestFrom = null)
    {
        var valid = validKeys.ToArray();
        var suggestion = hint is null ? SpecSuggest.DidYouMean(entry.Key, suggestFrom ?? valid) : $"; {hint}";
        ctx.Error(SpecPath.Key(parent, entry.Key), entry.KeyLine,
            Sentences($"unknown key '{entry.Key}'{suggestion}", $"Valid keys: {string.Join(", ", valid)}"));
    }

    /// <summary>Reports "<paramref name="rule"/>, found <paramref name="found"/>" unless <paramref name="ok"/>.</summary>
    public static bool Check(SpecBindContext ctx, bool ok, SpecNode node, string field, string rule, double found)
    {
        if (!ok) ctx.Error(field, node, $"{rule}, found {Format(found)}");
        return ok;
    }

    /// <summary>Joins two sentences: "a? b" or "a. b".</summary>
    public static string Sentences(string first, string second) =>
        first.EndsWith('?') || first.EndsWith('.') ? $"{first} {second}" : $"{first}. {second}";

    /// <summary>Shortest round-trip invariant text of a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool TryWhole(SpecBindContext ctx, SpecNode node, string field, long min, long max, out long value)
    {
        value = 0;
        if (!TryNumberText(ctx, node, field, WholeExpected, out var text)) return false;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            if (value >= min && value <= max) return true;
            ctx.Error(field, node, OutOfRange(value < min, min, max, text));
            return false;
        }
        if (!TryFinite(ctx, node, field, text, WholeExpected, out var real)) return false;
        if (Math.Floor(real) != real)
        {
            ctx.Error(field, node, $"must be a whole number (e.g. 30), found {text}");
            return false;
        }
        if (real < min || real > max)
        {
            ctx.Error(field, node, OutOfRange(real < min, min, max, text));
            return false;
        }
        value = (long)real;
        return true;
    }

    // A number past what the field's type holds: only the side it overshot is meaningful to the reader (the field's own
    // rule, e.g. "must be >= 1", applies once the number fits).
    private static string OutOfRange(bool tooSmall, long min, long max, string text) => tooSmall
        ? $"is too small: at least {min.ToString("N0", CultureInfo.InvariantCulture)}, found {text}"
        : $"is too large: at most {max.ToString("N0", CultureInfo.InvariantCulture)}, found {text}";

    /// <summary>Parses number text, refusing NaN and infinities.</summary>
    private static bool TryFinite(SpecBindContext ctx, SpecNode node, string field, string text, string expected, out double value)
    {
        value = 0;
        if (IsNonFiniteWord(text))
        {
            ctx.Error(field, node, $"{FiniteRule}, found '{text}'");
            return false;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            ctx.Error(field, node, $"expected {expected}, found {node.Describe()}");
            return false;
        }
        if (!double.IsFinite(value))
        {
            ctx.Error(field, node, $"{FiniteRule}; '{text}' is too large for a double");
            return false;
        }
        return true;
    }

    /// <summary>The text of a scalar that could be a number; strings, booleans, null and collections are refused.</summary>
    private static bool TryNumberText(SpecBindContext ctx, SpecNode node, string field, string expected, out string text)
    {
        text = "";
        if (node is not SpecScalar { IsNull: false } scalar)
        {
            ctx.Error(field, node, $"expected {expected}, found {node.Describe()}");
            return false;
        }
        if (scalar.Quoted)
        {
            var unquote = double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                          && double.IsFinite(parsed) ? "; write numbers without quotes" : "";
            ctx.Error(field, node, IsNonFiniteWord(scalar.Text)
                ? $"{FiniteRule}, found {scalar.Describe()} (NaN and Infinity are not allowed)"
                : $"expected {expected}, found {scalar.Describe()}{unquote}");
            return false;
        }
        if (scalar.JsonKind is JsonTokenType.True or JsonTokenType.False)
        {
            ctx.Error(field, node, $"expected {expected}, found {scalar.Text}");
            return false;
        }
        text = scalar.Text.Trim();
        return true;
    }

    /// <summary>YAML's .nan/.inf spellings and the words NaN/Infinity, in any case and sign.</summary>
    internal static bool IsNonFiniteWord(string text)
    {
        var word = text.Trim().TrimStart('+', '-').TrimStart('.').ToLowerInvariant();
        return NonFiniteWords.Contains(word);
    }
}
