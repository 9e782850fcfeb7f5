// Reads JSON text into a SpecNode tree with Utf8JsonReader (a forward-only tokenizer, so no recursion). Comments
// (// and /* */) and trailing commas are accepted, because people edit these files by hand. Numbers stay raw
// text; the binders decide what they mean. Positions are computed from byte offsets. No binding happens here.
using System.Text;
using System.Text.Json;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Specs;

/// <summary>Parses JSON spec text into a <see cref="SpecNode"/> tree.</summary>
public static class JsonSpecReader
{
    private const string JsonPositionSuffix = " LineNumber:";

    /// <summary>Parses <paramref name="text"/>; throws <see cref="SpecException"/> on a syntax error or trailing text.</summary>
    /// <returns>The root and the non-fatal errors (duplicate keys).</returns>
    public static (SpecNode? Root, IReadOnlyList<SpecError> Errors) Read(string text, string sourceName)
    {
        var builder = new SpecTreeBuilder(sourceName);
        var bytes = Encoding.UTF8.GetBytes(text);
        var positions = new LineIndex(bytes);
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            // One more than ours, so that our clearer depth error fires first.
            MaxDepth = SpecLimits.MaxDepth + 1,
        };
        var reader = new Utf8JsonReader(bytes, options);
        try
        {
            while (reader.Read())
            {
                var (line, column) = positions.Of(reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        builder.StartMapping(line, column);
                        break;
                    case JsonTokenType.StartArray:
                        builder.StartSequence(line, column);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        builder.End(line);
                        break;
                    case JsonTokenType.PropertyName or JsonTokenType.String:
                        builder.Scalar(new SpecScalar(line, column, reader.GetString() ?? "", true, reader.TokenType));
                        break;
                    case JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                        builder.Scalar(new SpecScalar(line, column, Encoding.UTF8.GetString(reader.ValueSpan), false, reader.TokenType));
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            throw builder.Fatal("", line, $"JSON syntax error at line {line}, column {column}: {Clean(ex.Message)}");
        }
        catch (InvalidOperationException ex)
        {
            throw builder.Fatal("", builder.LastLine, $"JSON error after line {builder.LastLine}: {Clean(ex.Message)}");
        }
        return (builder.Root, builder.Errors);
    }

    /// <summary>Drops System.Text.Json's "LineNumber: n | BytePositionInLine: m." suffix (we report 1-based positions).</summary>
    private static string Clean(string message)
    {
        var cut = message.IndexOf(JsonPositionSuffix, StringComparison.Ordinal);
        var text = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "invalid JSON";
    }

    /// <summary>Maps byte offsets to 1-based line and character column.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] _bytes;
        private readonly List<int> _lineStarts = [0];

        public LineIndex(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n') _lineStarts.Add(i + 1);
            }
        }

        public (int Line, int Column) Of(long offset)
        {
            var index = _lineStarts.BinarySearch((int)offset);
            var lineIndex = index >= 0 ? index : ~index - 1;
            var start = _lineStarts[lineIndex];
            var column = Encoding.UTF8.GetCharCount(_bytes, start, (int)offset - start) + 1;
            return (lineIndex + 1, column);
        }
    }
}
