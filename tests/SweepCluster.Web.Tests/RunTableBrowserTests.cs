// The sweep page's run table in a real browser on a real two-silo cluster while a real sweep runs (its own spec, whose
// large-model trials keep it running however fast the machine is; the browser starts before the sweep): it sits just
// below the progress panel, lists the sweep's trials as the store holds them (a running trial with its newest epoch),
// narrows to the ticked statuses and to the text typed, sorts by a clicked hyperparameter or trials column, keeps its
// filter and ticked rows across the live swaps, and plots two ticked trials as two series (or says the chart library
// is missing), with nothing on the console. A 1400×900 screenshot is saved.
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SweepCluster.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace SweepCluster.Web.Tests;

public sealed class RunTableBrowserTests(TwoSiloWebCluster cluster) : IClassFixture<TwoSiloWebCluster>
{
    private const int Trials = 24;
    private const int CosineTrials = 8;
    private const string Rows = "#run-body tr";

    /// <summary>A bound on each wait, so a broken page fails instead of hanging.</summary>
    private static readonly float WaitMs = (float)TimeSpan.FromMinutes(1).TotalMilliseconds;

    /// <summary>Longer than a few live refreshes, to see the table survive them.</summary>
    private static readonly TimeSpan SeveralSwaps = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task TheRunTableSortsFiltersAndPlotsTheSweepsTrialsWhileItRuns()
    {
        var sweepId = $"run-table-{Environment.ProcessId}";
        var specFile = Path.Combine(AppContext.BaseDirectory, "Specs", "run-table-sweep.yaml");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Chromium.Window });
        context.SetDefaultTimeout(WaitMs);
        SetDefaultExpectTimeout(WaitMs);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        page.Response += (_, response) => { if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}"); };

        var coordinator = cluster.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        var submitted = await coordinator.SubmitAsync(new SweepSubmission(await File.ReadAllTextAsync(specFile), specFile, null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Created, submitted.Outcome);
        await page.GotoAsync(new Uri(cluster.First.BaseUrl, $"sweeps/{sweepId}").AbsoluteUri);

        // Below the progress panel, one row per trial of the sweep, as the store lists them.
        await Expect(page.Locator("#live > #run-table-slot > #run-table")).ToHaveCountAsync(1);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Rows}').length === {Trials}");
        var api = await page.APIRequest.GetAsync(new Uri(cluster.First.BaseUrl, $"sweeps/{sweepId}/trials?limit=500").AbsoluteUri);
        using (var json = JsonDocument.Parse(await api.TextAsync()))
        {
            var stored = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("trial").GetInt32()).ToArray();
            Assert.Equal(Enumerable.Range(0, Trials), stored);
        }
        Assert.Equal(Enumerable.Range(0, Trials), await IntsAsync(page, $"Array.from(document.querySelectorAll('{Rows}')).map(r => Number(r.dataset.trial))"));
        Assert.Equal(["0.05", "0.1"], (await TextsAsync(page, "learning_rate.initial")).Distinct().Order());

        // A running trial shows its newest epoch (from the epochs recorded so far).
        await page.WaitForFunctionAsync(
            $"() => Array.from(document.querySelectorAll('{Rows}[data-status=\"running\"] td[data-col=\"epoch\"]')).some(td => Number(td.textContent) > 0)");

        // The status filter narrows the table while the sweep still runs.
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Rows}[data-status=\"completed\"]').length >= 2");
        await page.Locator("#run-statuses input[value='completed']").CheckAsync();
        await page.WaitForFunctionAsync(
            $"() => {{ const rows = Array.from(document.querySelectorAll('{Rows}')); return rows.length > 0 && rows.every(r => r.dataset.status === 'completed'); }}");
        Assert.True(await page.Locator("#run-body tr").CountAsync() < Trials, "the status filter did not narrow the table");
        await Expect(page.Locator("#run-count")).ToContainTextAsync($"({Trials} in the sweep)");
        await page.Locator("#run-statuses input[value='completed']").UncheckAsync();
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Rows}').length === {Trials}");

        // The text filter too, and it outlives the live swaps.
        await page.Locator("#run-filter").FillAsync("cos");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Rows}').length === {CosineTrials}");
        await Task.Delay(SeveralSwaps);
        Assert.Equal(CosineTrials, await page.Locator(Rows).CountAsync());
        Assert.Equal("cos", await page.Locator("#run-filter").InputValueAsync());
        await page.Locator("#run-filter").FillAsync("");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{Rows}').length === {Trials}");

        // Sorting by a hyperparameter column, both ways, then by trial index descending.
        var rate = page.Locator("#run-head th[data-sort='learning_rate.initial']");
        await rate.ClickAsync();
        await Expect(rate).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = (await TextsAsync(page, "learning_rate.initial")).Select(Number).ToArray();
        Assert.Equal(ascending.Order(), ascending);
        await rate.ClickAsync();
        await Expect(rate).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = (await TextsAsync(page, "learning_rate.initial")).Select(Number).ToArray();
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.NotEqual(ascending, descending);
        var trial = page.Locator("#run-head th[data-sort='trial']");
        await trial.ClickAsync();
        await Expect(trial).ToHaveAttributeAsync("aria-sort", "ascending");
        await trial.ClickAsync();
        await Expect(trial).ToHaveAttributeAsync("aria-sort", "descending");
        await Expect(page.Locator(Rows).First).ToHaveAttributeAsync("data-trial", (Trials - 1).ToString(CultureInfo.InvariantCulture));

        // Ticking two completed trials plots two series, and the ticks outlive the live swaps.
        var completed = page.Locator($"{Rows}[data-status='completed'] input[type=checkbox]");
        var picked = new[] { await completed.Nth(0).GetAttributeAsync("data-trial"), await completed.Nth(1).GetAttributeAsync("data-trial") };
        foreach (var pick in picked) await page.Locator($"{Rows} input[data-trial='{pick}']").CheckAsync();
        await Expect(page.Locator("#run-chart-area")).ToHaveAttributeAsync("data-series", "2");
        var option = JsonDocument.Parse(await page.Locator("#run-table-chart").TextContentAsync() ?? "{}").RootElement;
        Assert.Equal(picked.Select(p => $"trial {p}"), option.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.All(option.GetProperty("series").EnumerateArray(), s => Assert.NotEmpty(s.GetProperty("data").EnumerateArray()));
        if (!await page.EvaluateAsync<bool>("() => !!(window.SweepCharts && window.SweepCharts.renderAll)"))
            await Expect(page.Locator("#run-chart-note")).ToContainTextAsync("The chart library is not on this page yet");
        await Task.Delay(SeveralSwaps);
        foreach (var pick in picked) await Expect(page.Locator($"{Rows} input[data-trial='{pick}']")).ToBeCheckedAsync();
        await Expect(page.Locator("#run-chart-area")).ToHaveAttributeAsync("data-series", "2");
        await Expect(page.Locator("#live > #run-table-slot > #run-table")).ToHaveCountAsync(1);

        await page.Locator("#run-table").ScrollIntoViewIfNeededAsync();
        await Chromium.WindowScreenshotAsync(page, "run-table");
        Assert.True(errors.Count == 0, "console errors: " + string.Join(" | ", errors));
        await coordinator.CancelAsync();
    }

    private static async Task<string[]> TextsAsync(IPage page, string column) =>
        await page.EvaluateAsync<string[]>($"() => Array.from(document.querySelectorAll('{Rows} td[data-col=\"{column}\"]')).map(td => td.textContent)");

    private static async Task<int[]> IntsAsync(IPage page, string expression) => await page.EvaluateAsync<int[]>($"() => {expression}");

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
