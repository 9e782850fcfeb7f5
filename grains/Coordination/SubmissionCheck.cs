// Whether a submission can become a sweep: the id's alphabet, the spec's size, the spec itself (every error with its
// file, line and field), its data on this silo, and its largest trial against this silo's memory budget of one trial. Plain C#, so the coordinator grain only hosts it.
using SweepCluster.Coordination;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Coordination;

public static class SubmissionCheck
{
    /// <summary>The sweep's plan, or every reason it cannot be made (nothing is stored then).</summary>
    public static (SweepPlan? Plan, IReadOnlyList<string> Errors) Check(string sweepId, SweepSubmission submission, TrialMemoryBudget budget)
    {
        if (!SweepIds.IsValid(sweepId)) return (null, [$"{sweepId}: {SweepIds.Rule}"]);
        if (submission.SpecText.Length > SpecLimits.MaxFileBytes)
            return (null, [$"{submission.SourceName}: the spec is {submission.SpecText.Length:N0} characters; the limit is {SpecLimits.MaxFileBytes:N0}"]);
        try
        {
            var plan = SweepPlan.Create(Parse(submission));
            var dataErrors = SweepPreflight.Check(plan.Spec, plan.Searcher, budget);
            return dataErrors.Count > 0 ? (null, dataErrors.Select(e => e.ToString()).ToArray()) : (plan, []);
        }
        catch (SpecException error)
        {
            return (null, error.Errors.Select(e => e.ToString()).ToArray());
        }
    }

    /// <summary>The sweep's data file as it is now (its first trial's dataset); null for a built-in dataset.</summary>
    public static DatasetFingerprint? Data(SweepPlan plan) => DatasetFingerprint.Of(plan.Configuration(0).Spec.Dataset, plan.Spec.BaseDirectory);

    /// <summary>Why the sweep may not train again on its data (the file changed or is gone); null when it may.</summary>
    public static async Task<string?> DataChangeAsync(string sweepId, SweepPlan plan, string? recordedSha256)
    {
        if (recordedSha256 is null) return null;
        var now = await Task.Run(() => Data(plan));
        return now?.ChangeSince(recordedSha256) is { } change
            ? $"sweep {sweepId} cannot go on: {change}, and going on would mix results of two datasets. Restore the file, or submit the spec as a new sweep"
            : null;
    }

    /// <summary>The spec of a stored submission, read exactly as the CLI read it.</summary>
    public static SweepSpec Parse(SweepSubmission submission) =>
        SweepSpecLoader.Parse(submission.SpecText, submission.IsJson ? SpecFormat.Json : SpecFormat.Yaml, submission.SourceName,
            submission.BaseDirectory, submission.AllowLarge);
}
