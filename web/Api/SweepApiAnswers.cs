// How the /api/ routes answer: the status code and document of a coordinator's SubmitResult (as `sweep submit` reads
// it: created, already there, refused or an id taken by another spec), and the snake_case JSON options of every /api/
// document (the keys a Python script and the trials table's columns use). Plain C#: the endpoints only write these out.
using System.Text.Encodings.Web;
using System.Text.Json;
using SweepCluster.Abstractions;

namespace SweepCluster.Web.Api;

/// <summary>A status code with its JSON document.</summary>
public sealed record ApiAnswer(int StatusCode, object Body);

public static class SweepApiAnswers
{
    /// <summary>snake_case keys, as the trials table's columns are named; quotes in messages written as they are
    /// (these documents are JSON for scripts, never embedded in a page).</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>201 for a new sweep, 200 for the same spec under the same id, 400 with every error for a refused spec,
    /// 409 for an id another spec holds.</summary>
    public static ApiAnswer Of(SubmitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Outcome switch
        {
            SubmitOutcome.Created => new ApiAnswer(201, new SubmittedJson(result.SweepId, result.Name, result.TotalTrials, Created: true)),
            SubmitOutcome.AlreadyExists => new ApiAnswer(200, new SubmittedJson(result.SweepId, result.Name, result.TotalTrials, Created: false)),
            // The coordinator's errors come formatted ("source:line: field: message"): each is a message of its own.
            SubmitOutcome.Invalid => new ApiAnswer(400, new ApiErrorJson(string.Join("; ", result.Errors),
                result.Errors.Select(e => new ApiProblemJson("", null, e)).ToArray())),
            SubmitOutcome.IdConflict => new ApiAnswer(409, new ApiErrorJson(string.Join("; ", result.Errors),
                result.Errors.Select(e => new ApiProblemJson("id", null, e)).ToArray())),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Outcome, null),
        };
    }

    /// <summary>The 404 of a sweep this cluster does not have.</summary>
    public static ApiAnswer NoSweep(string sweepId) => new(404, ApiErrorJson.Of($"no sweep with id '{sweepId}' on this cluster"));
}
