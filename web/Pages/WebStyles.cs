// The CSS of the web pages beyond the report's own: the navigation bar, the progress panel, status badges, the
// sweep list and the run table. No '<' or '&', no external fonts or images (the pages work offline).
namespace SweepCluster.Web.Pages;

/// <summary>The pages' extra style sheet.</summary>
internal static class WebStyles
{
    public const string Css = """
        nav.top { display: flex; gap: 1.2rem; align-items: baseline; border-bottom: 1px solid #ddd; padding-bottom: 0.5rem; margin-bottom: 1rem; font-size: 0.95rem; }
        nav.top a { color: #1f5fa8; text-decoration: none; }
        nav.top a:hover { text-decoration: underline; }
        nav.top .brand { font-weight: 700; color: #222; }
        nav.top .live-status { margin-left: auto; color: #777; font-size: 0.85rem; }
        .progress-panel { border: 1px solid #ddd; border-radius: 6px; padding: 0.7rem 1rem; margin: 0.5rem 0 1rem; background: #fafafa; }
        .progress-panel .bar { height: 14px; background: #e6e6e6; border-radius: 7px; overflow: hidden; margin: 0.4rem 0; }
        .progress-panel .bar span { display: block; height: 100%; background: #f9a825; transition: width 0.6s ease; }
        .progress-panel .bar.succeeded span { background: #2e7d32; }
        .progress-panel .bar.cancelled span { background: #ef6c00; }
        .progress-panel .bar.failed span { background: #c62828; }
        .progress-panel .figures { margin: 0.2rem 0; font-variant-numeric: tabular-nums; }
        .badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.7rem; font-size: 0.8rem; font-weight: 600; color: #fff; background: #777; }
        .badge.running { background: #1f5fa8; }
        .badge.completed { background: #2e7d32; }
        .badge.failed { background: #a40000; }
        .badge.cancelled { background: #8a6d00; }
        td .bar { display: inline-block; width: 120px; height: 10px; background: #e6e6e6; border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 0.4rem; }
        td .bar span { display: block; height: 100%; background: #2e7d32; }
        .badge.pending, .badge.paused { background: #999; }
        .badge.diverged, .badge.pruned { background: #6a4c93; }
        .run-table h2 { margin-top: 1rem; }
        .run-controls { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: center; margin: 0.4rem 0; font-size: 0.9rem; }
        .run-controls label { margin-right: 0.3rem; white-space: nowrap; }
        .run-controls .hint { color: #777; }
        .run-controls input[type=search] { min-width: 22rem; padding: 0.2rem 0.4rem; }
        .run-pager { margin-left: auto; font-variant-numeric: tabular-nums; }
        .run-scroll { overflow-x: auto; }
        #run-trials { font-variant-numeric: tabular-nums; }
        #run-trials th.sortable { cursor: pointer; user-select: none; white-space: nowrap; }
        #run-trials th.sortable:hover { text-decoration: underline; }
        .run-chart-area .chart { height: 320px; }
        """;
}
