// The page's inline style sheet: layout that fits a 1400 px window without sideways scrolling (wide tables scroll
// inside their own container), chart boxes and notes. No external fonts or images.
namespace SweepCluster.Reporting.Html;

/// <summary>The CSS of the HTML report.</summary>
internal static class HtmlStyles
{
    public const string Css = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem auto; max-width: 1320px; color: #222; padding: 0 1rem; overflow-wrap: break-word; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; }
        h3 { font-size: 1.05rem; margin-top: 1.4rem; }
        .meta { color: #555; margin: 0.2rem 0; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(480px, 1fr)); gap: 1rem; }
        .chart-box { margin: 0.6rem 0; min-width: 0; }
        .chart { width: 100%; border: 1px solid #eee; border-radius: 4px; background: #fff; }
        .chart-box figcaption { margin-top: 0.3rem; }
        .table-scroll { max-width: 100%; overflow-x: auto; }
        table { border-collapse: collapse; font-size: 0.82rem; margin: 0.6rem 0; }
        th, td { border: 1px solid #ddd; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
        th { background: #f5f5f5; overflow-wrap: normal; }
        td { overflow-wrap: anywhere; }
        td code { overflow-wrap: break-word; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.best td { background: #e9f6ec; font-weight: 600; }
        tr.tied td { background: #f4faf5; }
        tr.no-metric td { color: #888; }
        code { font-family: ui-monospace, "SFMono-Regular", Consolas, monospace; font-size: 0.85em; }
        .note { color: #666; font-size: 0.9rem; }
        .error { color: #a40000; }
        """;
}
