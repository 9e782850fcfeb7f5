// The run table as JSON: an array of objects keyed by column name, values typed (numbers, strings, null), reals exact.
using System.Text.Json;
using SweepCluster.Core.Reports;
using SweepCluster.Reporting.Runs;

namespace SweepCluster.Reporting.Tests.Runs;

public sealed class RunTableJsonTests
{
    [Fact]
    public void An_array_with_one_object_per_row_and_typed_values()
    {
        using var json = JsonDocument.Parse(RunTableJson.Render(RunTableSamples.Mixed()));

        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["trial", "status", "learning_rate.initial", "model.hidden", "best_metric"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("trial").ValueKind);
        Assert.Equal(0, rows[0].GetProperty("trial").GetInt64());
        Assert.Equal("completed", rows[0].GetProperty("status").GetString());
        Assert.Equal(0.1 + 0.2, rows[0].GetProperty("learning_rate.initial").GetDouble());
        Assert.Equal("say \"hi\"", rows[1].GetProperty("model.hidden").GetString());
    }

    [Fact]
    public void Null_NaN_and_infinity_are_null()
    {
        using var json = JsonDocument.Parse(RunTableJson.Render(RunTableSamples.Mixed()));

        var last = json.RootElement[2];
        Assert.Equal(JsonValueKind.Null, last.GetProperty("learning_rate.initial").ValueKind);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("model.hidden").ValueKind);
        Assert.Equal(JsonValueKind.Null, last.GetProperty("best_metric").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement[1].GetProperty("best_metric").ValueKind);
    }

    [Fact]
    public void An_empty_table_is_an_empty_array()
    {
        using var json = JsonDocument.Parse(RunTableJson.Render(new RunTable([new RunColumn("trial", RunValueType.Integer)], [])));

        Assert.Equal(0, json.RootElement.GetArrayLength());
    }
}
