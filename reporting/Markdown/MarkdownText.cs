// Escaping of user text for GitHub-flavoured Markdown: free text (names, errors) and code spans (axis paths and
// words), both safe inside table cells. It does not build tables (MarkdownTable does).
using System.Text;

namespace SweepCluster.Reporting.Markdown;

/// <summary>Makes arbitrary text safe in Markdown paragraphs and table cells.</summary>
public static class MarkdownText
{
    private const string SpecialCharacters = "\\`*_{}[]()#+!|<>~";

    /// <summary>Free text with Markdown's punctuation backslash-escaped, '&lt;' and '&amp;' as entities and line breaks as spaces.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in OneLine(text))
        {
            if (c == '<') builder.Append("&lt;");
            else if (c == '&') builder.Append("&amp;");
            else
            {
                if (SpecialCharacters.Contains(c)) builder.Append('\\');
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    /// <summary>Text as an inline code span (fenced with more backticks than it contains); '|' escaped for tables.</summary>
    public static string Code(string text)
    {
        var content = OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
        var fence = new string('`', LongestBacktickRun(content) + 1);
        var padding = content.StartsWith('`') || content.EndsWith('`') ? " " : "";
        return $"{fence}{padding}{content}{padding}{fence}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == '`' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }
        return longest;
    }
}
