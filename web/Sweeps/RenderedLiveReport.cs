// The live page's report rendered once, when it is built: the page fetches its fragment every second, and rendering a
// large sweep's charts (sampled trials, fANOVA) costs far more than sending the text again. The run tables it was
// drawn from are not kept.
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Html;

namespace SweepCluster.Web.Sweeps;

/// <summary>A report and its rendered HTML body.</summary>
/// <param name="Report">The report (the report files' endpoints reuse it).</param>
/// <param name="Body">What <see cref="HtmlRenderer.RenderBody"/> made of it and its run tables.</param>
public sealed record RenderedLiveReport(SweepReport Report, string Body)
{
    /// <summary>Renders <paramref name="live"/>'s report with its run tables.</summary>
    public static RenderedLiveReport Of(LiveReport live)
    {
        ArgumentNullException.ThrowIfNull(live);
        return new RenderedLiveReport(live.Report, HtmlRenderer.RenderBody(live.Report, live.Runs));
    }
}
