// Which part of a page a request asks for: the whole document, or only its live part (what the page's script
// fetches every few seconds and swaps in place).
namespace SweepCluster.Web.Pages;

/// <summary>The whole page or its live fragment (query <c>?view=fragment</c>).</summary>
public enum PageView
{
    /// <summary>The whole HTML document.</summary>
    Page,

    /// <summary>Only the live part, swapped into the page by its script.</summary>
    Fragment,
}

/// <summary>Reads <see cref="PageView"/> from a query value.</summary>
public static class PageViews
{
    /// <summary>The query parameter that selects the view.</summary>
    public const string QueryName = "view";

    /// <summary>The view named by <paramref name="value"/> (case-insensitive); the whole page when absent or unknown.</summary>
    public static PageView Parse(string? value) =>
        Enum.TryParse<PageView>(value, ignoreCase: true, out var view) && Enum.IsDefined(view) ? view : PageView.Page;

    /// <summary>The URL of <paramref name="path"/>'s fragment.</summary>
    public static string FragmentUrl(string path) => $"{path}?{QueryName}={PageView.Fragment.ToString().ToLowerInvariant()}";
}
