// The monitoring pages in a real browser on a real two-silo cluster: a sweep runs while Chromium watches its page
// update in place, the Orleans dashboard shows both silos and the trial grains spread over them, and at the end the
// page's top-ranked combination is the one `sweep report --format json` prints. Screenshots of each page are saved.
using System.Text.Json;
using Microsoft.Playwright;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Reporting;
using static Microsoft.Playwright.Assertions;

namespace SweepCluster.Web.Tests;

public sealed class LiveSweepBrowserTests(TwoSiloWebCluster cluster) : IClassFixture<TwoSiloWebCluster>
{
    private const string TrialGrainType = "TrialGrain";
    private const string CoordinatorGrainType = "SweepCoordinatorGrain";

    /// <summary>A bound on each wait for the page or the dashboard, so a broken page fails instead of hanging.</summary>
    private static readonly float WaitMs = (float)TimeSpan.FromMinutes(1).TotalMilliseconds;

    [Fact]
    public async Task SweepPageUpdatesLiveAndDashboardShowsTheClusterInChromium()
    {
        var sweepId = $"browser-{Environment.ProcessId}";
        var specFile = Path.Combine(AppContext.BaseDirectory, "Specs", "live-sweep.yaml");
        // The browser starts first: its launch can take longer than the sweep on a loaded machine.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Chromium.Viewport });
        context.SetDefaultTimeout(WaitMs);
        SetDefaultExpectTimeout(WaitMs);
        var sweepPage = await context.NewPageAsync();
        var sweepUrl = new Uri(cluster.First.BaseUrl, $"sweeps/{sweepId}").AbsoluteUri;

        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        var submitted = await coordinator.SubmitAsync(new SweepSubmission(await File.ReadAllTextAsync(specFile), specFile, null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Created, submitted.Outcome);

        // The page loads mid-sweep and its progress advances without a reload.
        await sweepPage.GotoAsync(sweepUrl);
        await sweepPage.EvaluateAsync("() => { window.loadedOnce = true; }");
        var firstEpochs = await EpochsDoneAsync(sweepPage);
        var planned = (await coordinator.GetProgressAsync())!.EpochsPlanned;
        Assert.True(firstEpochs < planned, "the sweep ended before its page loaded: make Specs/live-sweep.yaml longer");
        await sweepPage.WaitForFunctionAsync("first => Number(document.getElementById('progress').dataset.epochsDone) > first", firstEpochs);
        await Chromium.ScreenshotAsync(sweepPage, "sweep-page-running");

        // The dashboard, during the sweep: both silos, and the trial and coordinator grains.
        var dashboard = await context.NewPageAsync();
        await dashboard.GotoAsync(new Uri(cluster.First.BaseUrl, "dashboard/#/silos").AbsoluteUri);
        foreach (var silo in cluster.All)
            await Expect(dashboard.GetByText($"127.0.0.1:{silo.Options.SiloPort}@").First).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(dashboard, "dashboard-silos");
        await dashboard.GotoAsync(new Uri(cluster.First.BaseUrl, "dashboard/#/grains").AbsoluteUri);
        await Expect(dashboard.GetByText(TrialGrainType, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(dashboard.GetByText(CoordinatorGrainType, new() { Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(dashboard, "dashboard-grains");
        await WaitForTrialGrainsOnEverySiloAsync(dashboard);

        // The end: the page turns final, still without a reload, and ranks first what the CLI ranks first.
        await Expect(sweepPage.Locator("#progress[data-final='true']")).ToHaveCountAsync(1);
        Assert.True(await sweepPage.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page reloaded instead of updating in place");
        await Expect(sweepPage.Locator("#progress")).ToHaveAttributeAsync("data-status", "completed");
        await Chromium.ScreenshotAsync(sweepPage, "sweep-page-final");

        var cli = await DotnetProgram.RunAsync(DotnetProgram.Cli, ["report", sweepId, "--format", "json", .. cluster.CliClusterFlags]);
        Assert.True(cli.ExitCode == 0, cli.Output + cli.Error);
        var best = SweepReportJson.Deserialize(cli.Output).Ranking[0];
        var bestRow = sweepPage.Locator("tr.best");
        await Expect(bestRow).ToHaveCountAsync(1);
        await Expect(bestRow.Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(bestRow.Locator("td").Nth(1)).ToHaveTextAsync(best.Combination.ToString());
        foreach (var axis in best.Axes) await Expect(bestRow).ToContainTextAsync(axis.Value);
        // The report's charts, the per-trial ones included (the live fragment reads the run tables from the store), drawn
        // by the call the live script makes after a swap.
        await sweepPage.EvaluateAsync("() => window.SweepCharts.renderAll(document.getElementById('live'))");
        foreach (var chart in new[] { "chart-loss", "chart-history", "chart-budget", "chart-intermediate" })
            await Expect(sweepPage.Locator($"#live [data-chart='{chart}']")).ToHaveCountAsync(1);
        await sweepPage.WaitForFunctionAsync("() => [...document.querySelectorAll('#live [data-chart]')].every(c => c.querySelector('svg path'))");

        // The list links to the sweep and shows it completed.
        var list = await context.NewPageAsync();
        await list.GotoAsync(cluster.First.BaseUrl.AbsoluteUri);
        Assert.EndsWith("/sweeps", list.Url);
        var row = list.Locator($"tr[data-sweep-id='{sweepId}']");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("completed");
        await Chromium.ScreenshotAsync(list, "sweeps-list");
    }

    [Fact]
    public async Task WatchOpenPrintsTheSweepPageUrl()
    {
        var sweepId = $"watch-{Environment.ProcessId}";
        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        await coordinator.SubmitAsync(new SweepSubmission("dataset: iris\nepochs: 1\nseeds: [1]\n", "tiny.yaml", null, IsJson: false, AllowLarge: false));
        var web = cluster.First.BaseUrl.AbsoluteUri;

        var watch = await DotnetProgram.RunAsync(DotnetProgram.Cli, ["watch", sweepId, "--open", "--http-url", web, .. cluster.CliClusterFlags]);

        Assert.True(watch.ExitCode == 0, watch.Output + watch.Error);
        Assert.Contains($"{web}sweeps/{sweepId}", watch.Output);
    }

    private static async Task<long> EpochsDoneAsync(IPage page) =>
        long.Parse((await page.Locator("#progress").GetAttributeAsync("data-epochs-done"))!);

    /// <summary>The dashboard's counters (its own JSON, as the page reads them) list trial activations on every silo.</summary>
    private async Task WaitForTrialGrainsOnEverySiloAsync(IPage dashboard)
    {
        var counters = new Uri(cluster.First.BaseUrl, "dashboard/DashboardCounters").AbsoluteUri;
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(WaitMs);
        string[] silosWithTrials = [];
        while (DateTime.UtcNow < deadline)
        {
            var response = await dashboard.APIRequest.GetAsync(counters);
            using var json = JsonDocument.Parse(await response.TextAsync());
            silosWithTrials = json.RootElement.GetProperty("simpleGrainStats").EnumerateArray()
                .Where(s => s.GetProperty("grainType").GetString()!.EndsWith(TrialGrainType, StringComparison.Ordinal) && s.GetProperty("activationCount").GetInt32() > 0)
                .Select(s => s.GetProperty("siloAddress").GetString()!)
                .Distinct()
                .ToArray();
            if (silosWithTrials.Length == TwoSiloWebCluster.Silos) return;
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        Assert.Fail($"trial grains were on {silosWithTrials.Length} silo(s) of {TwoSiloWebCluster.Silos}: {string.Join(", ", silosWithTrials)}");
    }
}
