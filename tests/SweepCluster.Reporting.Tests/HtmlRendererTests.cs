// HTML: one self-contained page (the charting library inlined once in the head, nothing fetched), a body that is
// well-formed XML, one JSON data block per chart, escaping everywhere (text, attributes and the JSON blocks), the same
// bytes for the same input, the per-trial charts with run tables and their note without, and the report's tables.
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Charts;
using SweepCluster.Reporting.Html;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed partial class HtmlRendererTests
{
    private const string Doctype = "<!DOCTYPE html>";

    /// <summary>Loss, metric and applied schedules, and the family chart: what a report without run tables draws.</summary>
    private const int ChartsWithoutRunTables = 4;

    /// <summary>An axis value that breaks a JSON block that forgets to escape.</summary>
    private const string HostileAxis = "</script><script>alert('axis')</script>";

    [Fact]
    public void IsOneSelfContainedPageWithTheLibraryInlinedOnceInTheHead()
    {
        var html = ReportRenderers.Render(ReportFixtures.Realistic(), ReportFormat.Html);

        Assert.StartsWith(Doctype, html);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];
        Assert.Contains(ChartLibrary.Script, head);
        Assert.Equal(1, Occurrences(html, ChartLibrary.Script));
        Assert.Contains(ChartScripts.Init, head);
        Assert.Contains($"{ChartLibrary.Name} {ChartLibrary.Version}", head);
        var ours = WithoutLibrary(html);
        Assert.DoesNotContain("<link", ours);
        Assert.DoesNotContain(" src=", ours);
        var body = HtmlRenderer.RenderBody(ReportFixtures.Realistic());
        Assert.DoesNotContain("http://", body);
        Assert.DoesNotContain("https://", body);
    }

    [Fact]
    public void TheLibraryIsThePinnedPackageWithItsLicense()
    {
        Assert.Equal("6.1.0", ChartLibrary.Version);
        Assert.Contains("Licensed to the Apache Software Foundation", ChartLibrary.Script[..1000]);
    }

    [Fact]
    public void TheSameInputGivesTheSameBytes()
    {
        var input = SyntheticSweep.Realistic();
        var first = ReportRenderers.Render(SweepReportBuilder.Build(input), ReportFormat.Html, FixtureRunTables.From(input));
        var again = SyntheticSweep.Realistic();
        var second = ReportRenderers.Render(SweepReportBuilder.Build(again), ReportFormat.Html, FixtureRunTables.From(again));

        Assert.Equal(first, second);
    }

    [Fact]
    public void EveryChartElementHasItsJsonBlockWithATitleAndNamedAxes()
    {
        var input = SyntheticSweep.SuccessiveHalving().Build();
        var body = HtmlRenderer.RenderBody(SweepReportBuilder.Build(input), FixtureRunTables.From(input));
        var document = ParseBody(body);

        var charts = document.Descendants("div").Where(d => d.Attribute(ChartScripts.ChartAttribute) is not null).ToArray();
        var blocks = document.Descendants("script").ToDictionary(s => (string)s.Attribute("id")!, s => s.Value);
        Assert.NotEmpty(charts);
        Assert.Equal(charts.Length, blocks.Count);
        foreach (var chart in charts)
        {
            using var options = JsonDocument.Parse(blocks[(string)chart.Attribute(ChartScripts.ChartAttribute)!]);
            var root = options.RootElement;
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("title").GetProperty("text").GetString()));
            var axes = root.TryGetProperty("parallelAxis", out var parallel)
                ? parallel.EnumerateArray().ToArray()
                : [.. root.GetProperty("xAxis").EnumerateArray(), .. root.GetProperty("yAxis").EnumerateArray()];
            Assert.All(axes, axis => Assert.False(string.IsNullOrWhiteSpace(axis.GetProperty("name").GetString())));
            Assert.NotEmpty(chart.Parent!.Element("figcaption")!.Value);
        }
    }

    [Fact]
    public void WithoutRunTablesThePerTrialChartsSayWhatTheyNeed()
    {
        var body = HtmlRenderer.RenderBody(ReportFixtures.Realistic());

        Assert.Equal(ChartsWithoutRunTables, ChartIds(body).Length);
        Assert.Contains(TrialsSection.NeedsRunTables, System.Net.WebUtility.HtmlDecode(body));
        Assert.Contains("Pruned trials are not shown", body);
    }

    [Fact]
    public void WithRunTablesEveryPerTrialChartIsDrawn()
    {
        var input = SyntheticSweep.Realistic();
        var ids = ChartIds(HtmlRenderer.RenderBody(SweepReportBuilder.Build(input), FixtureRunTables.From(input)));

        Assert.Contains(IntermediateValuesChart.Id, ids);
        Assert.Contains(ParallelCoordinatesChart.Id, ids);
        Assert.Contains(FamilyMetricChart.Id, ids);
        Assert.Equal(["chart-slice-0"], ids.Where(id => id.StartsWith(SliceCharts.IdPrefix, StringComparison.Ordinal)));
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void EscapesUserStringsInTextAttributesAndJsonBlocks()
    {
        var input = new SyntheticSweep(MetricSpec.DefaultClassification, ReportFixtures.HostileName)
            .Completed(HostileAxis, 0.9, 0.91).Completed("constant(0.1)", 0.8).Build();
        var html = ReportRenderers.Render(SweepReportBuilder.Build(input), ReportFormat.Html, FixtureRunTables.From(input));
        var body = html[html.IndexOf("</head>", StringComparison.Ordinal)..];

        Assert.DoesNotContain("<script>", body);
        Assert.DoesNotContain("alert('", body);
        Assert.Contains("lr &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;batch&quot;", body);
        var document = ParseBody(HtmlRenderer.RenderBody(SweepReportBuilder.Build(input), FixtureRunTables.From(input)));
        Assert.Equal(ReportFixtures.HostileName, document.Descendants("h1").Single().Value);
        var blocks = document.Descendants("script").Select(s => s.Value).ToArray();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, json => Assert.DoesNotContain("<", json));
        Assert.Contains(blocks, json => StringsOf(JsonDocument.Parse(json).RootElement).Any(text => text.Contains(HostileAxis, StringComparison.Ordinal)));
    }

    [Fact]
    public void BestRowIsMarkedAndFailuresListed()
    {
        var document = ParseBody(HtmlRenderer.RenderBody(ReportFixtures.Realistic()));

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
        var body = HtmlRenderer.RenderBody(SweepReportBuilder.Build(input));

        Assert.Empty(ChartIds(body));
        Assert.Contains(CurvesSection.NoTrialCompleted, body);
    }

    [Fact]
    public void StoppedTrialsAndExploitsAreEscapedTablesAndTheRankingNotesExploitedCombinations()
    {
        var document = ParseBody(HtmlRenderer.RenderBody(ReportFixtures.PopulationBasedTraining()));

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
        var body = HtmlRenderer.RenderBody(ReportFixtures.Realistic());

        Assert.DoesNotContain("Stopped by the trial scheduler", body);
        Assert.DoesNotContain("exploit", body);
        Assert.DoesNotContain("<th>PBT</th>", body);
    }

    [Fact]
    public void TheRankingScrollsInsideItsSectionNotThePage()
    {
        var document = ParseBody(HtmlRenderer.RenderBody(ReportFixtures.Realistic()));

        Assert.All(document.Descendants("table"), table => Assert.Equal("table-scroll", (string?)table.Parent!.Attribute("class")));
    }

    [Fact]
    public void ThePageWithRunTablesIsItsSnapshot()
    {
        var input = SyntheticSweep.SuccessiveHalving().Build();
        var rendered = WithoutLibrary(ReportRenderers.Render(SweepReportBuilder.Build(input), ReportFormat.Html, FixtureRunTables.From(input)));

        Assert.Equal(ReportSnapshotTests.Snapshot("successive-halving-with-run-tables", ReportFormat.Html, rendered), rendered);
    }

    /// <summary>The page with the library's 1 MB script replaced by a marker, as the snapshots hold it.</summary>
    internal static string WithoutLibrary(string html) =>
        html.Replace(ChartLibrary.Script, $"/* {ChartLibrary.Name} {ChartLibrary.Version} */", StringComparison.Ordinal);

    /// <summary>Every string value in a JSON element, decoded.</summary>
    private static IEnumerable<string> StringsOf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(StringsOf),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => StringsOf(p.Value)),
        _ => [],
    };

    private static string[] ChartIds(string body) =>
        ChartAttributePattern().Matches(body).Select(m => m.Groups[1].Value).ToArray();

    [GeneratedRegex("data-chart=\"([^\"]+)\"")]
    private static partial Regex ChartAttributePattern();

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>The first table after the &lt;h2&gt; that reads <paramref name="heading"/>.</summary>
    private static XElement TableAfter(XDocument document, string heading) =>
        document.Descendants("h2").Single(h => h.Value == heading).ElementsAfterSelf("div").First().Element("table")!;

    /// <summary>The cell texts of a table's body rows.</summary>
    private static string[][] Rows(XElement table) =>
        table.Element("tbody")!.Elements("tr").Select(r => r.Elements("td").Select(c => c.Value).ToArray()).ToArray();

    /// <summary>The body parsed as XML (it is well-formed: every element closed, every attribute quoted and escaped).</summary>
    private static XDocument ParseBody(string body) => XDocument.Parse($"<body>{body}</body>");
}
