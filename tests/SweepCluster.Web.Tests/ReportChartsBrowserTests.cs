// The standalone HTML report in a real browser: real small sweeps (the quickstart grid, ASHA and PBT examples) run
// with `sweep run` and a SQLite study store, so report.html has every chart; Chromium opens the file from file:// at
// 1400×900, and every chart must have drawn SVG paths, the console must stay free of errors, the page must not scroll
// sideways, and drawing again (what the live page does after a swap) must work. Full-page screenshots are saved.
using Microsoft.Playwright;

namespace SweepCluster.Web.Tests;

/// <summary>The sweeps these tests run use every core: they run alone, after the tests that run side by side (the live
/// page's test waits for its own sweep and must not be slowed by these).</summary>
[CollectionDefinition(nameof(ReportChartsBrowserTests), DisableParallelization = true)]
public sealed class RealSweepsCollection;

[Collection(nameof(ReportChartsBrowserTests))]
public sealed class ReportChartsBrowserTests
{
    /// <summary>The variable that names another folder for the screenshots.</summary>
    public const string ScreenshotsVariable = "SWEEPCLUSTER_SCREENSHOTS";

    private static readonly ViewportSize Window = new() { Width = 1400, Height = 900 };

    /// <summary>A small sweep takes seconds alone; the bound leaves room for a machine shared with other builds.</summary>
    private static readonly TimeSpan SweepTimeout = TimeSpan.FromMinutes(5);

    /// <summary>A bound on each wait for the page, so a broken page fails instead of hanging.</summary>
    private static readonly float WaitMs = (float)TimeSpan.FromMinutes(1).TotalMilliseconds;

    private const string EveryChartDrawn =
        "() => { const charts = [...document.querySelectorAll('[data-chart]')]; " +
        "return charts.length > 0 && charts.every(c => c.querySelector('svg path')); }";

    /// <summary>Whether a schedule panel of the applied-schedule chart (panels 1 to 3) has a point between two epochs: the
    /// per-step traces from the trials' checkpoints reached it (without them every point sits on a whole epoch).</summary>
    private const string WithinEpochSteps =
        "() => JSON.parse(document.getElementById('chart-schedules').textContent).series" +
        ".filter(s => s.yAxisIndex > 0).some(s => s.data.some(p => p[0] !== Math.floor(p[0])))";

    private const string PathsPerChart = "() => [...document.querySelectorAll('[data-chart]')].map(c => c.querySelectorAll('svg path').length)";

    [Theory]
    [InlineData("quickstart")]
    [InlineData("digits-asha")]
    [InlineData("digits-pbt")]
    public async Task EveryChartOfTheReportDrawsOffline(string example)
    {
        var work = Directory.CreateTempSubdirectory("sweepcluster-report-browser-");
        try
        {
            var report = await RunSweepAsync(example, work.FullName);
            var errors = new List<string>();
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await Chromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = Window });
            page.SetDefaultTimeout(WaitMs);
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");

            await page.GotoAsync(new Uri(report).AbsoluteUri);
            await page.WaitForFunctionAsync(EveryChartDrawn);

            var ids = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-chart]')].map(c => c.dataset.chart)");
            Assert.Contains("chart-intermediate", ids); // the run tables reached the report
            Assert.Contains("chart-parallel", ids);
            Assert.Contains("chart-families", ids);
            Assert.True(await page.EvaluateAsync<bool>(WithinEpochSteps),
                "the applied-schedule chart has no point inside an epoch: the plotted trials' per-step traces did not reach the report");
            Assert.All(await page.EvaluateAsync<int[]>(PathsPerChart), paths => Assert.True(paths > 0));
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                "the page scrolls sideways at 1400 px");

            // Drawing again, as the live page does after every swap, replaces the charts instead of adding to them.
            var before = await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-chart] svg').length");
            await page.EvaluateAsync("() => { window.SweepCharts.renderAll(document); window.SweepCharts.renderAll(document.body); }");
            await page.WaitForFunctionAsync(EveryChartDrawn);
            Assert.Equal(before, await page.EvaluateAsync<int>("() => document.querySelectorAll('[data-chart] svg').length"));
            Assert.Equal(ids.Length, before);

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath($"report-{example}"), FullPage = true });
            Assert.Empty(errors);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Runs examples/<paramref name="example"/>.yaml with `sweep run` into <paramref name="folder"/>; returns its report.html.</summary>
    private static async Task<string> RunSweepAsync(string example, string folder)
    {
        var spec = Path.Combine(RepositoryRoot(), "examples", $"{example}.yaml");
        var run = await DotnetProgram.RunAsync(DotnetProgram.Cli,
            ["run", spec, "--id", $"browser-{example}", "-o", folder, "--store", Path.Combine(folder, "study.db")], timeout: SweepTimeout);
        Assert.True(run.ExitCode == 0, $"sweep run {example} exited with {run.ExitCode}:\n{run.Output}\n{run.Error}");
        return Directory.GetFiles(folder, "report.html", SearchOption.AllDirectories).Single();
    }

    /// <summary>Where a screenshot goes: $SWEEPCLUSTER_SCREENSHOTS when set, else the tests' screenshot folder.</summary>
    private static string ScreenshotPath(string name)
    {
        var folder = Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } chosen ? chosen : Chromium.ScreenshotDirectory;
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }

    /// <summary>The checkout the tests were built from: the first folder above the test binaries with an examples folder.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "examples", "quickstart.yaml"))) return folder.FullName;
        }
        throw new DirectoryNotFoundException($"no examples/quickstart.yaml above {AppContext.BaseDirectory}");
    }
}
