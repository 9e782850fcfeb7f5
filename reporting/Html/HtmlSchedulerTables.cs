// The HTML tables of what the trial scheduler did: the trials it stopped or holds (ASHA, median stopping, PBT) and
// PBT's exploits. Each section appears only when it has rows; cells are escaped through HtmlCell.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Html;

/// <summary>Writes the trial scheduler's sections as HTML.</summary>
internal static class HtmlSchedulerTables
{
    public static void WriteStopped(TextWriter page, IReadOnlyList<StoppedEntry> stopped)
    {
        if (stopped.Count == 0) return;
        page.Write("<h2>Stopped by the trial scheduler</h2>\n");
        HtmlTable.Write(page, ["trial", "combination", "seed", "status", "epoch", "metric", "why"], stopped.Select(s => new HtmlRow(
        [
            HtmlCell.Number(ReportText.Integer(s.Index)), HtmlCell.Number(ReportText.Integer(s.Combination)),
            HtmlCell.Number(ReportText.Integer(s.Seed)), HtmlCell.Text(ReportText.Name(s.Status)),
            HtmlCell.Number(ReportText.Integer(s.Epoch)), HtmlCell.Number(ReportText.Metric(s.Metric)),
            HtmlCell.Text(s.Reason ?? ReportText.Missing),
        ])));
    }

    public static void WriteExploits(TextWriter page, IReadOnlyList<ExploitEntry> exploits)
    {
        if (exploits.Count == 0) return;
        page.Write($"<h2>{HtmlText.Escape(ExploitMarks.SectionTitle)}</h2>\n");
        page.Write($"<p class=\"note\">{HtmlText.Escape(ExploitMarks.SectionNote)}</p>\n");
        HtmlTable.Write(page, ["trial", "combination", "seed", "epoch", "donor", "explore"], exploits.Select(e => new HtmlRow(
        [
            HtmlCell.Number(ReportText.Integer(e.Index)), HtmlCell.Number(ReportText.Integer(e.Combination)),
            HtmlCell.Number(ReportText.Integer(e.Seed)), HtmlCell.Number(ReportText.Integer(e.Exploit.Epoch)),
            HtmlCell.Number(ReportText.Integer(e.Exploit.DonorIndex)), HtmlCell.Text(e.Explore),
        ])));
    }
}
