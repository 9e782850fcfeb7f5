// The silo's pages load the charting library by URL, once per browser (a versioned path cached for a year), instead of
// inlining its megabyte in every page; and the live page's report has its per-trial charts, built from the run tables
// the store holds. On a real silo after a real sweep (FinishedSweepSilo).
using System.Net;
using SweepCluster.Reporting.Charts;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class ChartLibraryAssetTests(FinishedSweepSilo silo) : IClassFixture<FinishedSweepSilo>
{
    /// <summary>Far below the library's size: the page carries a reference to it, not the script.</summary>
    private const int PageWithoutLibraryBytes = 400_000;

    [Fact]
    public async Task The_sweep_page_refers_to_the_library_by_its_versioned_path()
    {
        var page = await silo.Http.GetStringAsync($"/sweeps/{FinishedSweepSilo.SweepId}");

        Assert.Contains($"<script src=\"/assets/echarts-{ChartLibrary.Version}.min.js\"></script>", page);
        Assert.Contains("window.SweepCharts", page);
        Assert.True(page.Length < PageWithoutLibraryBytes, $"{page.Length} characters");
        Assert.True(ChartLibrary.Script.Length > PageWithoutLibraryBytes, "the library is the big part");
    }

    [Fact]
    public async Task The_library_is_served_as_javascript_cached_for_good()
    {
        using var response = await silo.Http.GetAsync(ChartLibraryAsset.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.Equal(ChartLibrary.Script, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_live_report_draws_the_per_trial_charts_from_the_store()
    {
        var fragment = await silo.Http.GetStringAsync($"/sweeps/{FinishedSweepSilo.SweepId}?view=fragment");

        Assert.Contains("data-chart=\"chart-intermediate\"", fragment);
        Assert.Contains("data-chart=\"chart-history\"", fragment);
        Assert.Contains("data-chart=\"chart-budget\"", fragment);
    }
}
