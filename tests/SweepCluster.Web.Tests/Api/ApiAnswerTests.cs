// What the /api/ routes answer, without a silo: a submission's status code and document, the progress document, and
// the trials table with its error column, as JSON.
using System.Text.Json;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Web.Api;

namespace SweepCluster.Web.Tests.Api;

public sealed class ApiAnswerTests
{
    [Theory]
    [InlineData(SubmitOutcome.Created, 201)]
    [InlineData(SubmitOutcome.AlreadyExists, 200)]
    [InlineData(SubmitOutcome.Invalid, 400)]
    [InlineData(SubmitOutcome.IdConflict, 409)]
    public void ASubmissionsOutcomeHasItsStatusCode(SubmitOutcome outcome, int status)
    {
        var errors = outcome is SubmitOutcome.Invalid or SubmitOutcome.IdConflict ? new[] { "x.yaml: something" } : [];

        var answer = SweepApiAnswers.Of(new SubmitResult(outcome, "s1", "name", 4, errors));

        Assert.Equal(status, answer.StatusCode);
        if (errors.Length > 0) Assert.Equal("x.yaml: something", Assert.Single(((ApiErrorJson)answer.Body).Errors).Message);
        else Assert.Equal(outcome == SubmitOutcome.Created, ((SubmittedJson)answer.Body).Created);
    }

    [Fact]
    public void TheStatusDocumentHasSnakeCaseKeysAndEveryTrialStatus()
    {
        var progress = new SweepProgress("s1", "iris", SweepStatus.Completed, 2, new Dictionary<TrialStatus, int> { [TrialStatus.Completed] = 2 },
            4, 4, MetricName.ValAccuracy, 0.9, "lr 0.05", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(1));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(SweepStatusJson.Of(progress), SweepApiAnswers.Options));
        var root = json.RootElement;

        Assert.Equal(("completed", true, 2, 2), (root.GetProperty("status").GetString(), root.GetProperty("over").GetBoolean(),
            root.GetProperty("total_trials").GetInt32(), root.GetProperty("finished").GetInt32()));
        Assert.Equal("val_accuracy", root.GetProperty("metric").GetString());
        Assert.Equal(2, root.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.Equal(0, root.GetProperty("counts").GetProperty("failed").GetInt32());
    }

    [Fact]
    public void TheTrialsTableGainsTheErrorOfEachFailedTrial()
    {
        var trials = new RunTable(
            [new RunColumn(TrialColumns.Trial, RunValueType.Integer), new RunColumn(TrialColumns.Status, RunValueType.Text), new RunColumn("learning_rate.initial", RunValueType.Real)],
            [[0L, "completed", 0.05], [1L, "failed", 0.1], [2L, "diverged", double.NaN]]);
        FailureEntry[] failures =
        [
            new(1, 1, 7, TrialStatus.Failed, "out of memory", 2, ["silo-a"]),
            new(2, 2, 7, TrialStatus.Diverged, "loss became NaN at epoch 3", 1, ["silo-a"]),
        ];

        using var json = JsonDocument.Parse(ApiTrialTable.Render(trials, failures));
        var rows = json.RootElement.EnumerateArray().ToArray();

        Assert.Equal(["trial", "status", "learning_rate.initial", "error"], rows[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("error").ValueKind);
        Assert.Equal("out of memory", rows[1].GetProperty("error").GetString());
        Assert.Equal("loss became NaN at epoch 3", rows[2].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("learning_rate.initial").ValueKind);
    }
}
