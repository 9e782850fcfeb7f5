// The progress panel of a sweep page: status badge, a bar of epochs done (coloured by the sweep's state: green only
// when it completed), trial counts (done, cancelled and failed apart), ETA, elapsed time and the best trial so far. Its root
// carries data-* attributes (status, epochs, trials, final) that the page script and the tests read.
using System.Globalization;
using System.Text;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Reporting.Html;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Pages;

/// <summary>Writes a sweep's progress panel.</summary>
internal static class ProgressPanel
{
    private const string PercentFormat = "0.0";

    public static void Write(StringBuilder html, SweepProgressView view, DateTimeOffset now)
    {
        var p = view.Progress;
        var percent = (view.Fraction * 100).ToString(PercentFormat, CultureInfo.InvariantCulture);
        html.Append($"<section class=\"progress-panel\" id=\"progress\" data-status=\"{Badge.Name(p.Status)}\" ")
            .Append($"data-epochs-done=\"{p.EpochsDone}\" data-epochs-planned=\"{p.EpochsPlanned}\" ")
            .Append($"data-trials-finished=\"{view.Finished}\" data-trials-total=\"{p.TotalTrials}\" ")
            .Append($"{LiveScript.FinalAttribute}=\"{(view.IsFinal ? "true" : "false")}\">\n")
            .Append($"<div>{Badge.Html(p.Status)} <strong>{percent}%</strong> of {Plural.Of(p.EpochsPlanned, "epoch")}</div>\n")
            .Append($"<div class=\"bar {BarClass(p.Status)}\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\"{percent}\"><span style=\"width: {percent}%\"></span></div>\n")
            .Append("<p class=\"figures\">")
            .Append($"{ProgressWords.Done(p.Count)}/{p.TotalTrials} trials done · {p.Count(TrialStatus.Running)} running · ")
            .Append($"{p.Count(TrialStatus.Pending)} pending · {p.Count(TrialStatus.Failed)} failed · {p.Count(TrialStatus.Diverged)} diverged");
        foreach (var scheduled in new[] { TrialStatus.Cancelled, TrialStatus.Paused, TrialStatus.Pruned })
            if (p.Count(scheduled) > 0) html.Append($" · {p.Count(scheduled)} {ReportText.Name(scheduled)}");
        html.Append($" · epochs {p.EpochsDone:N0}/{p.EpochsPlanned:N0}");
        if (view.Eta(now) is { } eta) html.Append($" · ETA {ReportText.Duration(eta.TotalSeconds)}");
        html.Append($" · {ReportWords.Elapsed} {ReportText.Duration(((p.FinishedAt ?? now) - p.CreatedAt).TotalSeconds)}");
        html.Append("</p>\n");
        if (p.BestMetric is { } best)
            html.Append($"<p class=\"figures\">{ReportWords.Capitalized(ReportWords.BestTrial)} so far: {HtmlText.Escape(ReportText.Name(p.Metric))} <strong>{ReportText.Metric(best)}</strong>")
                .Append(p.BestDescription is { } description ? $" — <code>{HtmlText.Escape(description)}</code>" : "")
                .Append("</p>\n");
        html.Append("</section>\n");
    }

    /// <summary>"running", "succeeded", "cancelled" or "failed": the bar's CSS class (WebStyles colours it).</summary>
    public static string BarClass(SweepStatus status) => ReportText.Name(ProgressWords.Bar(status));
}

/// <summary>A sweep status as a coloured badge.</summary>
internal static class Badge
{
    /// <summary>The status' name in lower case, also its CSS class.</summary>
    public static string Name(SweepStatus status) => ReportText.Name(status);

    public static string Html(SweepStatus status) => $"<span class=\"badge {Name(status)}\">{Name(status)}</span>";
}
