// The /api/ routes on a real silo over HTTP: a small iris sweep submitted, followed to its end and read back as its
// trials; the same spec again (200), another spec under its id (409); a bad spec (400 with each error's field and
// line), a data-file spec (400 pointing to `sweep submit`), and an unknown sweep (404) on every route.
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SweepCluster.Web.Tests.Api;

[Collection(ApiSiloCollection.Name)]
public sealed class SweepApiEndpointTests(ApiSilo silo)
{
    private async Task<(HttpStatusCode Status, JsonElement Json, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path,
        string? body = null, string contentType = "application/yaml")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(contentType));
        var response = await silo.Http.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone(), response);
    }

    private async Task<JsonElement> WaitUntilOverAsync(string id)
    {
        var deadline = DateTime.UtcNow + ApiSilo.Patience;
        while (DateTime.UtcNow < deadline)
        {
            var (status, json, _) = await SendAsync(HttpMethod.Get, $"/api/sweeps/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            if (json.GetProperty("over").GetBoolean()) return json;
            await Task.Delay(200);
        }
        throw new TimeoutException($"sweep {id} was not over within {ApiSilo.Patience}");
    }

    [Fact]
    public async Task ASubmittedSweepRunsToItsEndAndListsItsTrials()
    {
        var (status, submitted, response) = await SendAsync(HttpMethod.Post, "/api/sweeps?id=api-iris-1", ApiSilo.IrisSpec);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(("api-iris-1", "api-iris", 2, true), (submitted.GetProperty("id").GetString(), submitted.GetProperty("name").GetString(),
            submitted.GetProperty("total_trials").GetInt32(), submitted.GetProperty("created").GetBoolean()));
        Assert.Equal("/api/sweeps/api-iris-1", response.Headers.Location?.ToString());

        var over = await WaitUntilOverAsync("api-iris-1");
        Assert.Equal(("completed", 2, 2), (over.GetProperty("status").GetString(), over.GetProperty("finished").GetInt32(),
            over.GetProperty("counts").GetProperty("completed").GetInt32()));
        Assert.InRange(over.GetProperty("best_metric").GetDouble(), 0, 1);

        var (trialsStatus, trials, _) = await SendAsync(HttpMethod.Get, "/api/sweeps/api-iris-1/trials");
        Assert.Equal(HttpStatusCode.OK, trialsStatus);
        var rows = trials.EnumerateArray().ToArray();
        Assert.Equal([0, 1], rows.Select(r => r.GetProperty("trial").GetInt32()));
        Assert.All(rows, row =>
        {
            Assert.Equal("completed", row.GetProperty("status").GetString());
            Assert.Equal(2, row.GetProperty("epochs_run").GetInt32());
            Assert.InRange(row.GetProperty("final_metric").GetDouble(), 0, 1);
            Assert.InRange(row.GetProperty("best_metric").GetDouble(), 0, 1);
            Assert.Equal(0.05, row.GetProperty("learning_rate.initial").GetDouble());
            Assert.Equal("constant", row.GetProperty("learning_rate.schedule").GetString());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("error").ValueKind);
        });
        Assert.NotEqual(rows[0].GetProperty("seed").GetInt64(), rows[1].GetProperty("seed").GetInt64());

        // The same spec under the same id is the same sweep; another spec may not take its id.
        var (again, existing, _) = await SendAsync(HttpMethod.Post, "/api/sweeps?id=api-iris-1", ApiSilo.IrisSpec);
        Assert.Equal((HttpStatusCode.OK, false), (again, existing.GetProperty("created").GetBoolean()));
        var (conflict, error, _) = await SendAsync(HttpMethod.Post, "/api/sweeps?id=api-iris-1", ApiSilo.IrisSpec.Replace("epochs: 2", "epochs: 3"));
        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Contains("already used by a different spec", error.GetProperty("error").GetString());

        // Cancelling a sweep that is over changes nothing.
        var (cancelled, afterCancel, _) = await SendAsync(HttpMethod.Post, "/api/sweeps/api-iris-1/cancel");
        Assert.Equal((HttpStatusCode.OK, "completed"), (cancelled, afterCancel.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task AJsonSpecCanBeCancelled()
    {
        const string spec = """{"name": "api-long", "dataset": "iris", "epochs": 200, "seeds": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "learning_rate": [0.05]}""";
        var (status, _, _) = await SendAsync(HttpMethod.Post, "/api/sweeps?id=api-long", spec, "application/json");
        Assert.Equal(HttpStatusCode.Created, status);

        var (cancelled, _, _) = await SendAsync(HttpMethod.Post, "/api/sweeps/api-long/cancel");
        Assert.Equal(HttpStatusCode.OK, cancelled);
        var over = await WaitUntilOverAsync("api-long");
        Assert.Equal("cancelled", over.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ABadSpecIsA400ListingEachErrorWithItsFieldAndLine()
    {
        var (status, error, _) = await SendAsync(HttpMethod.Post, "/api/sweeps?id=api-bad",
            "dataset: iris\nepochs: -2\nlearning_rate: [0.05]\noptimizer: { kind: sgd, momentum: 7 }\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = error.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "epochs" && e.GetProperty("line").GetInt32() == 2);
        Assert.Contains(errors, e => e.GetProperty("line").GetInt32() == 4);
        Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("message").GetString())));
        var (notStored, _, _) = await SendAsync(HttpMethod.Get, "/api/sweeps/api-bad");
        Assert.Equal(HttpStatusCode.NotFound, notStored);
    }

    [Fact]
    public async Task ASpecWithADataFileIsA400PointingToSweepSubmit()
    {
        var (status, error, _) = await SendAsync(HttpMethod.Post, "/api/sweeps", "dataset: data/points.csv\nepochs: 2\nlearning_rate: [0.05]\n");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var only = Assert.Single(error.GetProperty("errors").EnumerateArray());
        Assert.Equal("dataset", only.GetProperty("field").GetString());
        Assert.Contains("sweep submit", only.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnUnknownFormatIsA400()
    {
        var (status, error, _) = await SendAsync(HttpMethod.Post, "/api/sweeps?format=toml", ApiSilo.IrisSpec);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("format", Assert.Single(error.GetProperty("errors").EnumerateArray()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/sweeps/no-such-sweep")]
    [InlineData("GET", "/api/sweeps/no-such-sweep/trials")]
    [InlineData("POST", "/api/sweeps/no-such-sweep/cancel")]
    [InlineData("GET", "/api/sweeps/bad..id")]
    public async Task AnUnknownSweepIsA404(string method, string path)
    {
        var (status, error, _) = await SendAsync(new HttpMethod(method), path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("no sweep with id", error.GetProperty("error").GetString());
    }
}
