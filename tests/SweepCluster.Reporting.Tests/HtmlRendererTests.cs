// HTML: well-formed (parsed as XML after the doctype), self-contained, one <svg> per chart, legends, escaping, and the
// scheduler's sections (stopped trials, PBT's exploits).
using System.Xml.Linq;
using SweepCluster.Core;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class HtmlRendererTests
{
    private const string Doctype = "<!DOCTYPE html>";

    /// <summary>Loss, metric, three applied schedules, metric by family.</summary>
    private const int ChartsWithCompletedTrials = 6;

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void IsWellFormedAndSelfContained()
    {
        var html = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Html);

        Assert.StartsWith(Doctype, html);
        var document = Parse(html);
        Assert.Equal("html", document.Root!.Name.LocalName);
        Assert.DoesNotContain("http://", html.Replace(Svg.NamespaceName, "", StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
    }

    [Fact]
    public void HasOneSvgPerChartWithTitlesAndLegends()
    {
        var report = ReportFixtures.Realistic();
        var document = Parse(ReportRenderers.Render(report, ReportFormat.Html));
        var charts = document.Descendants(Svg + "svg").ToArray();

        Assert.Equal(ChartsWithCompletedTrials, charts.Length);
        var texts = charts.Select(c => string.Join("\n", c.Descendants(Svg + "text").Select(t => t.Value))).ToArray();
        Assert.Contains("epoch", texts[0]);
        Assert.Contains("loss (per example)", texts[0]);
        Assert.Contains("solid: validation loss, dashed: training loss", texts[0]);
        foreach (var curve in report.TopCurves) Assert.Contains($"#{curve.Rank} ", texts[0]);
        Assert.Contains("val_accuracy", texts[1]);
        Assert.Contains("learning rate", texts[2]);
        Assert.Contains("weight decay", texts[3]);
        Assert.Contains("batch size (examples)", texts[4]);
        Assert.Contains("inverse_time", texts[5]);
        Assert.Contains("learning_rate", texts[5]);
        Assert.Contains("mean ± standard deviation over trials", texts[5]);
        Assert.All(charts, c => Assert.NotEmpty(c.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void LineChartsDrawOneLinePerCurveAndFamilyPlotOneDotPerCompletedTrial()
    {
        var report = ReportFixtures.Realistic();
        var charts = Parse(ReportRenderers.Render(report, ReportFormat.Html)).Descendants(Svg + "svg").ToArray();

        Assert.Equal(2 * report.TopCurves.Count, charts[0].Descendants(Svg + "polyline").Count());
        var dots = charts[5].Descendants(Svg + "circle").Count(c => c.Element(Svg + "title") is not null);
        Assert.Equal(report.Families.Sum(f => f.Values.Count), dots);
    }

    [Fact]
    public void EscapesUserStrings()
    {
        var html = ReportRenderers.Render(ReportFixtures.Realistic(ReportFixtures.HostileName), ReportFormat.Html);

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("lr &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;batch&quot;", html);
        var document = Parse(html);
        Assert.Equal(ReportFixtures.HostileName, document.Descendants("h1").Single().Value);
        Assert.Contains(document.Descendants("code"), c => c.Value == "inverse_time(0.1, α=0.01, β=0.5)");
    }

    [Fact]
    public void BestRowIsMarkedAndFailuresListed()
    {
        var document = Parse(ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Html));

        var best = document.Descendants("tr").Single(r => (string?)r.Attribute("class") == "best");
        Assert.Equal("1", best.Elements("td").First().Value);
        Assert.Contains(document.Descendants("span"), s => s.Value.Contains("\"retry\" exhausted", StringComparison.Ordinal));
    }

    [Fact]
    public void SweepWithoutCompletedTrialsHasNoCharts()
    {
        var input = new SyntheticSweep(MetricSpec.DefaultClassification)
            .Combination([("learning_rate", "x")], new Core.Specs.TrialSpec(), SeedOutcome.Pending, SeedOutcome.Diverged())
            .Build(SweepStatus.Running);
        var html = ReportRenderers.Render(SweepReportBuilder.Build(input), ReportFormat.Html);

        Assert.Empty(Parse(html).Descendants(Svg + "svg"));
        Assert.Contains("No trial has completed yet.", html);
    }

    [Fact]
    public void StoppedTrialsAndExploitsAreEscapedTablesAndTheRankingNotesExploitedCombinations()
    {
        var document = Parse(ReportRenderers.Render(ReportFixtures.PopulationBasedTraining(), ReportFormat.Html));

        var headings = document.Descendants("h2").Select(h => h.Value).ToList();
        var stopped = headings.IndexOf("Stopped by the trial scheduler");
        var exploits = headings.IndexOf("Population-based training: exploits");
        Assert.InRange(stopped, headings.IndexOf("Failures") + 1, exploits - 1);
        Assert.Equal(["1", "1", "1", "paused", "4", "0.9400", ReportFixtures.PausedReason], Rows(TableAfter(document, "Stopped by the trial scheduler")).Single());
        Assert.Equal(
            [
                ["2", "2", "1", "2", "0", "learning rate ×0.8, weight decay ×1.2, batch size ×0.8"],
                ["3", "3", "1", "2", "1", "learning rate ×1.2, weight decay ×0.8, batch size ×1.2"],
                ["3", "3", "1", "4", "0", "resampled from the search space (draw 1)"],
            ],
            Rows(TableAfter(document, "Population-based training: exploits")));

        var ranking = TableAfter(document, "Ranking");
        var headers = ranking.Descendants("th").Select(h => h.Value).ToList();
        var note = headers.IndexOf("PBT");
        Assert.Equal(headers.IndexOf("learning_rate") + 1, note);
        var notes = Rows(ranking).ToDictionary(cells => cells[note - 1], cells => cells[note]);
        Assert.Equal("exploited ×2, see exploits", notes["constant(0.003)"]);
        Assert.Equal("exploited ×1, see exploits", notes["constant(0.01)"]);
        Assert.Equal("", notes["constant(0.1)"]);
    }

    [Fact]
    public void WithoutStoppedTrialsOrExploitsThereAreNoSuchSections()
    {
        var html = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Html);

        Assert.DoesNotContain("Stopped by the trial scheduler", html);
        Assert.DoesNotContain("exploit", html);
        Assert.DoesNotContain("<th>PBT</th>", html);
    }

    /// <summary>The first table after the &lt;h2&gt; that reads <paramref name="heading"/>.</summary>
    private static XElement TableAfter(XDocument document, string heading) =>
        document.Descendants("h2").Single(h => h.Value == heading).ElementsAfterSelf("table").First();

    /// <summary>The cell texts of a table's body rows.</summary>
    private static string[][] Rows(XElement table) =>
        table.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").Select(c => c.Value).ToArray()).ToArray();

    private static XDocument Parse(string html) => XDocument.Parse(html[Doctype.Length..]);
}
