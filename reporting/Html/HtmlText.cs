// Escaping of user text for HTML text and attribute values (the five XML-significant characters), for the web pages
// written by string building (the report itself is Razor components, which escape on their own). Non-ASCII characters pass through unchanged (the page is UTF-8).
using System.Text;

namespace SweepCluster.Reporting.Html;

/// <summary>Escapes text for HTML element content and quoted attribute values.</summary>
public static class HtmlText
{
    /// <summary>&amp; &lt; &gt; &quot; and &apos; replaced by character references.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
