// Reads YAML text into a SpecNode tree using YamlDotNet's low-level Parser events (not its deserializer), so that
// positions, duplicate keys and nesting depth are under our control. Aliases are resolved by sharing the anchored
// node; SpecLimits.MaxNodes counts each use in full, which stops "billion laughs" documents. Merge keys ('<<')
// are not supported (they bind as an unknown key). Exactly one document is accepted. No binding happens here.
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs;

/// <summary>Parses YAML spec text into a <see cref="SpecNode"/> tree.</summary>
public static class YamlSpecReader
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="SpecException"/> on a syntax error.</summary>
    /// <returns>The root (null when the text holds no document) and the non-fatal errors (duplicate keys).</returns>
    public static (SpecNode? Root, IReadOnlyList<SpecError> Errors) Read(string text, string sourceName)
    {
        var builder = new SpecTreeBuilder(sourceName);
        var parser = new Parser(new StringReader(text));
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var ev = parser.Current!;
                var line = (int)ev.Start.Line;
                var column = (int)ev.Start.Column;
                switch (ev)
                {
                    case DocumentStart when documents++ > 0:
                        throw builder.Fatal("", line,
                            $"the file holds more than one YAML document (another starts at line {line}); a spec must be a single document");
                    case MappingStart m:
                        builder.StartMapping(line, column, AnchorOf(m));
                        break;
                    case SequenceStart s:
                        builder.StartSequence(line, column, AnchorOf(s));
                        break;
                    case MappingEnd or SequenceEnd:
                        builder.End(line);
                        break;
                    case Scalar sc:
                        builder.Scalar(new SpecScalar(line, column, sc.Value, IsQuoted(sc)), AnchorOf(sc));
                        break;
                    case AnchorAlias alias:
                        builder.Alias(alias.Value.Value, line);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            throw builder.Fatal("", (int)ex.Start.Line,
                $"YAML syntax error at line {ex.Start.Line}, column {ex.Start.Column}: {Clean(ex.Message)}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this for some malformed flow collections (e.g. an unclosed '[').
            throw builder.Fatal("", builder.LastLine,
                $"YAML syntax error after line {builder.LastLine}: the text could not be parsed; check for an unclosed '[', '{{' or quote");
        }
        return (builder.Root, builder.Errors);
    }

    private static string? AnchorOf(NodeEvent node) => node.Anchor.IsEmpty ? null : node.Anchor.Value;

    private static bool IsQuoted(Scalar scalar) =>
        scalar.Style is not ScalarStyle.Plain and not ScalarStyle.Any
        || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag);

    /// <summary>YamlDotNet messages start with a capital "While ..." and end with a period; make them a clause.</summary>
    private static string Clean(string message)
    {
        var text = message.Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "invalid YAML";
    }
}
