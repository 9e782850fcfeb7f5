// Binds a spec's `params:` section: an external trainer's own searched values (dropout, width, ...), each a number, a
// string or true/false after the sweep's expansion, kept as a JSON literal so the trial file gives the program the
// value with its type. Every problem is reported at its field and line with what would be valid.
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweepCluster.Specs;

/// <summary>Binds <c>params: { dropout: 0.2, width: 256, activation: gelu }</c>.</summary>
public static partial class TrialParamsBinder
{
    private const string Example = "params: { dropout: 0.2, width: 256 }";

    /// <summary>The values by name, each as a JSON literal; null after reporting when the section is not a mapping.</summary>
    public static IReadOnlyDictionary<string, string>? Bind(SpecBindContext ctx, SpecNode node, string path)
    {
        if (SpecValues.Mapping(ctx, node, path, Example) is not { } mapping) return null;
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var field = SpecPath.Key(path, entry.Key);
            if (!Name().IsMatch(entry.Key))
            {
                ctx.Error(field, entry.KeyLine, $"a param's name is a letter or '_' then letters, digits or '_' (e.g. dropout), found '{entry.Key}'");
                continue;
            }
            if (entry.Value is SpecScalar { IsNull: false } scalar) values[entry.Key] = Literal(scalar);
            else ctx.Error(field, entry.Value,
                $"a param is one value (a number, a string or true/false), found {entry.Value.Describe()}; to search it, give a list of values or a distribution such as {{ uniform: [0, 0.5] }} in a sweep");
        }
        return values;
    }

    /// <summary>The scalar as a JSON literal: a number (integers stay integers), true/false, or a quoted string.</summary>
    public static string Literal(SpecScalar scalar)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        if (scalar.JsonKind is JsonTokenType.String || (scalar.JsonKind is null && scalar.Quoted)) return JsonSerializer.Serialize(scalar.Text);
        if (scalar.JsonKind is JsonTokenType.True || (scalar.JsonKind is null && scalar.Text is "true" or "True" or "TRUE")) return "true";
        if (scalar.JsonKind is JsonTokenType.False || (scalar.JsonKind is null && scalar.Text is "false" or "False" or "FALSE")) return "false";
        var text = scalar.Text.Trim();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) return whole.ToString(CultureInfo.InvariantCulture);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number.ToString("R", CultureInfo.InvariantCulture);
        return JsonSerializer.Serialize(scalar.Text);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Name();
}
