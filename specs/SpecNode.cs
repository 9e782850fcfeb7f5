// The source-neutral tree that both spec readers (YAML and JSON) produce: mappings, lists and scalars, each with the
// 1-based line and column where it starts. It deliberately carries no meaning: numbers stay raw text, and nothing
// here knows about trials, schedules or sweeps (the binders do). Mappings never hold duplicate keys: the readers
// report a duplicate and keep the first occurrence.
using System.Text.Json;

namespace SweepCluster.Specs;

/// <summary>A node of a parsed spec document, with the 1-based position where it starts.</summary>
/// <param name="Line">1-based line of the node's first character.</param>
/// <param name="Column">1-based column of the node's first character.</param>
public abstract record SpecNode(int Line, int Column)
{
    /// <summary>A short phrase for error messages, e.g. "a list" or "'ten'".</summary>
    public abstract string Describe();
}

/// <summary>One key of a mapping and its value.</summary>
/// <param name="Key">The key as written (unquoted).</param>
/// <param name="KeyLine">1-based line of the key.</param>
/// <param name="KeyColumn">1-based column of the key.</param>
/// <param name="Value">The value node.</param>
public sealed record SpecEntry(string Key, int KeyLine, int KeyColumn, SpecNode Value);

/// <summary>A mapping (YAML mapping, JSON object) with its entries in document order; keys are unique.</summary>
public sealed record SpecMapping(int Line, int Column, IReadOnlyList<SpecEntry> Entries) : SpecNode(Line, Column)
{
    /// <summary>The entry with this exact key, or null.</summary>
    public SpecEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key) return entry;
        }
        return null;
    }

    /// <inheritdoc/>
    public override string Describe() => "a mapping";
}

/// <summary>A list (YAML sequence, JSON array).</summary>
public sealed record SpecSequence(int Line, int Column, IReadOnlyList<SpecNode> Items) : SpecNode(Line, Column)
{
    /// <inheritdoc/>
    public override string Describe() => "a list";
}

/// <summary>A scalar exactly as written.</summary>
/// <param name="Text">The raw text (for quoted scalars and JSON strings: the unescaped content).</param>
/// <param name="Quoted">True for quoted or block YAML scalars, YAML <c>!!str</c>, and JSON strings: text, never a number.</param>
/// <param name="JsonKind">For JSON: the token kind (String, Number, True, False, Null); null for YAML.</param>
public sealed record SpecScalar(int Line, int Column, string Text, bool Quoted, JsonTokenType? JsonKind = null)
    : SpecNode(Line, Column)
{
    private const int MaxDescribedLength = 40;

    /// <summary>YAML <c>~</c>, <c>null</c> or an empty plain value; JSON <c>null</c>.</summary>
    public bool IsNull => JsonKind is { } kind
        ? kind == JsonTokenType.Null
        : !Quoted && Text is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string Describe()
    {
        if (IsNull) return "no value (null)";
        var text = Text.Length > MaxDescribedLength ? Text[..MaxDescribedLength] + "…" : Text;
        return Quoted ? $"the string \"{text}\"" : $"'{text}'";
    }
}
