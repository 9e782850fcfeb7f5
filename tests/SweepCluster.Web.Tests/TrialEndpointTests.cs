// The run table's JSON routes on a real silo with its store, after a real (tiny) sweep: a page of its trials with
// their hyperparameters and newest epochs, sorting and filtering, one trial's history, a 400 naming the parameter at
// fault for each bad parameter (a column the sweep does not have included), and a 404 for an unknown sweep or trial.
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using SweepCluster.Abstractions;
using SweepCluster.Core.TrialPages;
using SweepCluster.Hosting;

namespace SweepCluster.Web.Tests;

/// <summary>One silo with a web host and a finished three-trial iris sweep in its store.</summary>
public sealed class FinishedSweepSilo : IAsyncLifetime
{
    public const string SweepId = "endpoints";
    public const int Trials = 3;
    public const int Epochs = 3;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public WebSilo Silo { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await WebSilo.StartAsync(WebSilo.TestOptions($"endpoints-{Environment.ProcessId}"), new ProcessGrainStore());
        Http = new HttpClient { BaseAddress = Silo.BaseUrl };
        var coordinator = Silo.Grains.GetGrain<ISweepCoordinatorGrain>(SweepId);
        await coordinator.SubmitAsync(new SweepSubmission(
            $"dataset: iris\nepochs: {Epochs}\nseeds: [1, 2, 3]\nlearning_rate: [{{ schedule: constant, initial: 0.05 }}]\n", "tiny.yaml", null, IsJson: false, AllowLarge: false));
        var deadline = DateTime.UtcNow + Patience;
        // Over once the coordinator says so and the store holds every trial as completed (rows are written in batches).
        while (DateTime.UtcNow < deadline)
        {
            if ((await coordinator.GetProgressAsync())?.IsOver == true)
            {
                using var page = JsonDocument.Parse(await Http.GetStringAsync($"/sweeps/{SweepId}/trials?status=completed"));
                if (page.RootElement.GetProperty("filtered").GetInt32() == Trials) return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the sweep did not finish within {Patience}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
    }
}

public sealed class TrialEndpointTests(FinishedSweepSilo silo) : IClassFixture<FinishedSweepSilo>
{
    private const string Trials = $"/sweeps/{FinishedSweepSilo.SweepId}/trials";

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetAsync(string path)
    {
        using var response = await silo.Http.GetAsync(path);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task APageListsTheSweepsTrialsWithTheirNewestEpochAndHyperparameters()
    {
        var (status, page) = await GetAsync(Trials);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((FinishedSweepSilo.Trials, FinishedSweepSilo.Trials), (page.GetProperty("total").GetInt32(), page.GetProperty("filtered").GetInt32()));
        Assert.Equal("val_accuracy", page.GetProperty("metric").GetString());
        var columns = page.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        var initial = Array.IndexOf(columns, "learning_rate.initial");
        Assert.True(initial >= 0, string.Join(", ", columns));
        var rows = page.GetProperty("rows").EnumerateArray().ToArray();
        Assert.Equal([0, 1, 2], rows.Select(r => r.GetProperty("trial").GetInt32()));
        Assert.All(rows, row =>
        {
            Assert.Equal("completed", row.GetProperty("status").GetString());
            Assert.Equal(FinishedSweepSilo.Epochs, row.GetProperty("latestEpoch").GetInt32());
            Assert.InRange(row.GetProperty("latestMetric").GetDouble(), 0, 1);
            Assert.Equal(row.GetProperty("finalMetric").GetDouble(), row.GetProperty("latestMetric").GetDouble(), 12);
            Assert.Equal(0.05, row.GetProperty("values")[initial].GetDouble());
        });
    }

    [Fact]
    public async Task SortingPagingAndFilteringAreServed()
    {
        var (_, descending) = await GetAsync($"{Trials}?sort=trial&order=desc&limit=2&offset=1");
        var (_, none) = await GetAsync($"{Trials}?status=failed,diverged");
        var (_, ranged) = await GetAsync($"{Trials}?range=final_metric&min=2");

        Assert.Equal([1, 0], descending.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("trial").GetInt32()));
        Assert.Equal(("desc", 2, 1), (descending.GetProperty("order").GetString(), descending.GetProperty("limit").GetInt32(), descending.GetProperty("offset").GetInt32()));
        Assert.Equal(0, none.GetProperty("filtered").GetInt32());
        Assert.Equal(FinishedSweepSilo.Trials, none.GetProperty("total").GetInt32());
        Assert.Equal(0, ranged.GetProperty("filtered").GetInt32());
    }

    [Fact]
    public async Task ATrialsHistoryListsItsEpochs()
    {
        var (status, history) = await GetAsync($"{Trials}/1/history");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, history.GetProperty("trial").GetInt32());
        var epochs = history.GetProperty("epochs").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(1, FinishedSweepSilo.Epochs), epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e => Assert.InRange(e.GetProperty("metric").GetDouble(), 0, 1));
    }

    [Theory]
    [InlineData("?limit=0", "limit", "valid: a whole number from 1 to 500")]
    [InlineData("?offset=-5", "offset", "valid: a whole number from 0 to")]
    [InlineData("?order=sideways", "order", "valid: asc, desc")]
    [InlineData("?status=done", "status", "valid: pending, running, completed")]
    [InlineData("?sort=nope", "sort", "'nope' is not a column of this sweep; valid: trial, combination")]
    [InlineData("?sort=trial%22;drop%20table%20trials;--", "sort", "is not a column of this sweep")]
    [InlineData("?range=learning_rate.schedule&min=0", "range", "is not a numeric column of this sweep; valid: trial")]
    [InlineData("?range=final_metric&min=x", "min", "'x' is not a number")]
    [InlineData("/x/history", "index", "'x' is not a trial index")]
    public async Task ABadParameterIsA400NamingItAndWhatIsValid(string suffix, string parameter, string message)
    {
        var (status, error) = await GetAsync(Trials + suffix);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(parameter, error.GetProperty("parameter").GetString());
        Assert.Contains(message, error.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/sweeps/no-such-sweep/trials", "no sweep with id 'no-such-sweep'")]
    [InlineData("/sweeps/no-such-sweep/trials/0/history", "no sweep with id 'no-such-sweep'")]
    [InlineData(Trials + "/99/history", "has no trial 99")]
    public async Task AnUnknownSweepOrTrialIsA404(string path, string message)
    {
        var (status, error) = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(message, error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task TheCatalogsAnswersSurviveOrleansSerialization()
    {
        var catalog = silo.Silo.Grains.GetGrain<ISweepCatalogGrain>(ISweepCatalogGrain.Key);
        var serializer = silo.Silo.App.Services.GetRequiredService<Serializer>();
        var page = await catalog.QueryTrialsAsync(FinishedSweepSilo.SweepId, TrialPageQuery.First with { Statuses = [Core.TrialStatus.Completed] });
        var history = await catalog.GetTrialHistoryAsync(FinishedSweepSilo.SweepId, 0);
        var invalid = await catalog.QueryTrialsAsync(FinishedSweepSilo.SweepId, TrialPageQuery.First with { Sort = "nope" });

        var pageCopy = serializer.Deserialize<TrialQueryResult<TrialPage>>(serializer.SerializeToArray(page))!;
        var historyCopy = serializer.Deserialize<TrialQueryResult<TrialHistory>>(serializer.SerializeToArray(history))!;
        var invalidCopy = serializer.Deserialize<TrialQueryResult<TrialPage>>(serializer.SerializeToArray(invalid))!;

        Assert.Equal(TrialQueryOutcome.Answered, pageCopy.Outcome);
        Assert.Equal(page.Value!.Rows.Count, pageCopy.Value!.Rows.Count);
        Assert.Equal(page.Value.Rows[0].Hyperparameters, pageCopy.Value.Rows[0].Hyperparameters);
        Assert.Equal(page.Value.Rows[0] with { Hyperparameters = [] }, pageCopy.Value.Rows[0] with { Hyperparameters = [] });
        Assert.Equal(page.Value.Query.Statuses.ToArray(), pageCopy.Value.Query.Statuses.ToArray());
        Assert.Equal(history.Value!.Epochs, historyCopy.Value!.Epochs);
        Assert.Equal((TrialQueryOutcome.Invalid, "sort"), (invalidCopy.Outcome, invalidCopy.Parameter));
    }

    [Fact]
    public async Task TheSweepPageCarriesTheRunTableAndItsSlotBelowTheProgressPanel()
    {
        var page = await silo.Http.GetStringAsync($"/sweeps/{FinishedSweepSilo.SweepId}");
        var fragment = await silo.Http.GetStringAsync($"/sweeps/{FinishedSweepSilo.SweepId}?view=fragment");

        Assert.Contains($"data-source=\"{Trials}\"", page);
        Assert.True(fragment.IndexOf("id=\"progress\"", StringComparison.Ordinal) < fragment.IndexOf("id=\"run-table-slot\"", StringComparison.Ordinal));
        Assert.DoesNotContain("id=\"run-table\"", fragment);
    }
}
