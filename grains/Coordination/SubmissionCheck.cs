// Whether a submission can become a sweep: the id's alphabet, the spec's size, the spec itself (every error with its
// file, line and field), then its data — built-ins and the data files that travelled with it, never a path named in
// the spec — and its largest trial against this silo's memory budget of one trial. Plain C#, so the coordinator grain
// only hosts it (and fetches the data files from the cluster's storage in between).
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
    /// <summary>The sweep's plan, or every reason it cannot be made (nothing is stored then). Its data is not checked yet.</summary>
    public static (SweepPlan? Plan, IReadOnlyList<string> Errors) Plan(string sweepId, SweepSubmission submission)
    {
        if (!SweepIds.IsValid(sweepId)) return (null, [$"{sweepId}: {SweepIds.Rule}"]);
        if (submission.SpecText.Length > SpecLimits.MaxFileBytes)
            return (null, [$"{submission.SourceName}: the spec is {submission.SpecText.Length:N0} characters; the limit is {SpecLimits.MaxFileBytes:N0}"]);
        try
        {
            return (SweepPlan.Create(Parse(submission)), []);
        }
        catch (SpecException error)
        {
            return (null, error.Errors.Select(e => e.ToString()).ToArray());
        }
    }

    /// <summary>Every reason the plan's trials cannot run on <paramref name="data"/> (the sweep's built-ins and data
    /// files) within <paramref name="budget"/>; empty when all can.</summary>
    public static IReadOnlyList<string> CheckData(SweepPlan plan, IDatasetSource data, TrialMemoryBudget budget) =>
        SweepPreflight.Check(plan.Spec, plan.Searcher, budget, data).Select(e => e.ToString()).ToArray();

    /// <summary>Why a stored sweep cannot train again: a data file it names came without its data (a sweep stored by a
    /// version that sent paths, not data); null when every data file is in the submission.</summary>
    public static string? WithoutData(string sweepId, SweepPlan plan, SweepSubmission submission) =>
        plan.Spec.Datasets.FirstOrDefault(dataset => DatasetCatalog.NamesAFile(dataset) && submission.DataSha256Of(dataset) is null) is { } missing
            ? $"sweep {sweepId} cannot go on: it was submitted without the data of \"{missing}\" (by an earlier version, which sent only " +
              "its path), and silos never open a file named in a spec. Submit the spec again as a new sweep"
            : null;

    /// <summary>The spec of a stored submission, read as the CLI read it (relative paths are not resolved: a silo never
    /// opens a path named in a spec).</summary>
    public static SweepSpec Parse(SweepSubmission submission) =>
        SweepSpecLoader.Parse(submission.SpecText, submission.IsJson ? SpecFormat.Json : SpecFormat.Yaml, submission.SourceName,
            baseDirectory: null, submission.AllowLarge);
}
