// POST /api/sweeps's reading of a request, without a silo: the format from the query or the Content-Type, the id, every
// spec error with its field and line, and the refusals of a data-file spec and a single-trial spec.
using SweepCluster.Abstractions;
using SweepCluster.Specs;
using SweepCluster.Web.Api;

namespace SweepCluster.Web.Tests.Api;

public sealed class SweepApiRequestTests
{
    private const string Iris = "dataset: iris\nepochs: 2\nseeds: [1, 2]\nlearning_rate: [{ schedule: constant, initial: 0.05 }]\n";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SweepApiRequest Read(string text, string? contentType = null, string? format = null, string? id = "api-test") =>
        SweepApiRequest.Read(text, contentType, format, id, allowLarge: false, Now);

    [Fact]
    public void AValidSpecBecomesTheSubmissionTheCliWouldSend()
    {
        var request = Read(Iris, "application/yaml");

        Assert.Null(request.Refusal);
        Assert.Equal("api-test", request.SweepId);
        Assert.Equal(new SweepSubmission(Iris, "api-test.yaml", null, IsJson: false, AllowLarge: false), request.Submission);
    }

    [Fact]
    public void WithoutAnIdTheSweepGetsANewOne()
    {
        var request = Read(Iris, id: null);

        Assert.True(SweepIds.IsValid(request.SweepId), request.SweepId);
        Assert.StartsWith("20260301-120000-", request.SweepId);
    }

    [Theory]
    [InlineData(null, null, SpecFormat.Yaml)]
    [InlineData("text/plain; charset=utf-8", null, SpecFormat.Yaml)]
    [InlineData("application/x-yaml", null, SpecFormat.Yaml)]
    [InlineData("application/x-www-form-urlencoded", null, SpecFormat.Yaml)]
    [InlineData("application/json; charset=utf-8", null, SpecFormat.Json)]
    [InlineData("application/vnd.sweep+json", null, SpecFormat.Json)]
    [InlineData("application/json", "yaml", SpecFormat.Yaml)]
    [InlineData("text/html", "JSON", SpecFormat.Json)]
    public void TheFormatQueryWinsOverTheContentType(string? contentType, string? format, SpecFormat expected) =>
        Assert.Equal(expected, SweepApiRequest.FormatOf(contentType, format));

    [Fact]
    public void AJsonSpecIsReadAsJson()
    {
        var request = Read("""{"dataset": "iris", "epochs": 2, "learning_rate": [0.05]}""", "application/json");

        Assert.Null(request.Refusal);
        Assert.True(request.Submission!.IsJson);
        Assert.Equal("api-test.json", request.Submission.SourceName);
    }

    [Theory]
    [InlineData("text/html", null, "Content-Type")]
    [InlineData(null, "toml", "format")]
    public void AnUnknownFormatIsRefusedNamingWhereItCameFrom(string? contentType, string? format, string field)
    {
        var refusal = Read(Iris, contentType, format).Refusal!;

        Assert.Equal(field, Assert.Single(refusal.Errors).Field);
    }

    [Fact]
    public void AnInvalidIdIsRefused()
    {
        var request = Read(Iris, id: "../etc");

        Assert.Null(request.Submission);
        Assert.Equal("id", Assert.Single(request.Refusal!.Errors).Field);
    }

    [Fact]
    public void EverySpecErrorComesWithItsFieldAndLine()
    {
        var refusal = Read("dataset: iris\nepochs: -2\nlearning_rate: [0.05]\noptimizer: { kind: sgd, momentum: 7 }\n").Refusal!;

        Assert.True(refusal.Errors.Count >= 2, refusal.Error);
        Assert.Contains(refusal.Errors, e => e.Field == "epochs" && e.Line == 2);
        Assert.Contains(refusal.Errors, e => e.Field.StartsWith("optimizer", StringComparison.Ordinal) && e.Line == 4);
        Assert.Contains("api-test.yaml:2: epochs:", refusal.Error);
    }

    [Fact]
    public void ASyntaxErrorIsRefusedWithItsLine()
    {
        var refusal = Read("dataset: iris\nepochs: [2\n").Refusal!;

        Assert.All(refusal.Errors, e => Assert.NotNull(e.Line));
    }

    [Fact]
    public void ASpecNamingADataFileIsSentToSweepSubmit()
    {
        var refusal = Read("dataset: data/points.csv\nepochs: 2\nlearning_rate: [0.05]\n").Refusal!;

        var error = Assert.Single(refusal.Errors);
        Assert.Equal("dataset", error.Field);
        Assert.Contains("data/points.csv", error.Message);
        Assert.Contains("sweep submit", error.Message);
    }

    [Fact]
    public void ASingleTrialSpecIsRefused()
    {
        var refusal = Read("dataset: iris\nepochs: 2\nlearning_rate: { schedule: constant, initial: 0.05 }\n").Refusal!;

        Assert.Contains("single-trial spec", refusal.Error);
    }
}
