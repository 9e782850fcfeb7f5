// The run table's request parameters read into a page query (no server needed): defaults, every parameter, and a
// clear error naming the parameter at fault and what would be valid.
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SweepCluster.Core;
using SweepCluster.Core.TrialPages;
using SweepCluster.Web.Sweeps;

namespace SweepCluster.Web.Tests;

public sealed class TrialQueryParametersTests
{
    private static (TrialPageQuery? Query, ParameterError? Error) Parse(params (string Name, string Value)[] parameters) =>
        TrialQueryParameters.Parse(new QueryCollection(parameters.GroupBy(p => p.Name)
            .ToDictionary(g => g.Key, g => new StringValues(g.Select(p => p.Value).ToArray()))));

    [Fact]
    public void NoParametersAskForTheFirstPageByTrial()
    {
        var (query, error) = Parse();

        Assert.Null(error);
        Assert.Equal(TrialPageQuery.First with { Statuses = [] }, query! with { Statuses = [] });
        Assert.Empty(query!.Statuses);
    }

    [Fact]
    public void EveryParameterIsRead()
    {
        var (query, error) = Parse(("offset", "50"), ("limit", "25"), ("sort", "learning_rate.initial"), ("order", "DESC"),
            ("status", "running, completed"), ("status", "pending"), ("q", " cosine "), ("range", "final_metric"), ("min", "0.5"), ("max", "1e0"));

        Assert.Null(error);
        Assert.Equal((50, 25, "learning_rate.initial", SortOrder.Descending, "cosine"), (query!.Offset, query.Limit, query.Sort, query.Order, query.Text));
        Assert.Equal([TrialStatus.Running, TrialStatus.Completed, TrialStatus.Pending], query.Statuses.ToArray());
        Assert.Equal(new NumericRange("final_metric", 0.5, 1.0), query.Range);
    }

    [Theory]
    [InlineData("offset", "-1", "offset: '-1' is out of range; valid: a whole number from 0 to")]
    [InlineData("offset", "ten", "offset: 'ten' is out of range")]
    [InlineData("limit", "0", "limit: '0' is out of range; valid: a whole number from 1 to 500")]
    [InlineData("limit", "501", "limit: '501' is out of range; valid: a whole number from 1 to 500")]
    [InlineData("order", "up", "order: 'up' is not a sort order; valid: asc, desc")]
    [InlineData("status", "running,bogus", "status: 'bogus' is not a trial status; valid: pending, running, completed, diverged, failed, cancelled, paused, pruned")]
    [InlineData("min", "abc", "min: 'abc' is not a number")]
    [InlineData("max", "NaN", "max: 'NaN' is not a number")]
    public void ABadParameterIsNamedWithWhatWouldBeValid(string name, string value, string message)
    {
        var (query, error) = Parse((name, value));

        Assert.Null(query);
        Assert.Equal(name, error!.Parameter);
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void ABoundWithoutItsColumnOrAReversedRangeIsRefused()
    {
        Assert.Equal(TrialPageParameters.Range, Parse(("min", "1")).Error!.Parameter);
        var reversed = Parse(("range", "final_metric"), ("min", "2"), ("max", "1")).Error!;
        Assert.Equal(TrialPageParameters.Range, reversed.Parameter);
        Assert.Contains("min 2 is above max 1", reversed.Message);
        Assert.Equal(TrialPageParameters.Text, Parse(("q", new string('x', TrialPageQuery.MaxTextLength + 1))).Error!.Parameter);
    }

    [Fact]
    public void AHistoryIndexIsAWholeNumber()
    {
        Assert.Null(TrialQueryParameters.TrialIndex("7", out var seven));
        Assert.Equal(7, seven);
        Assert.Equal("index", TrialQueryParameters.TrialIndex("-1", out _)!.Parameter);
        Assert.Contains("not a trial index", TrialQueryParameters.TrialIndex("x", out _)!.Message);
    }
}
