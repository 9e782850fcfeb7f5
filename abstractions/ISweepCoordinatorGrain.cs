using Orleans.Concurrency;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Abstractions;

/// <summary>
/// One sweep (key: the sweep id): expands the spec, spreads trials over the silos, retries failures, aggregates
/// results and is the single source of the report. Clients poll it; trials report to it.
/// </summary>
public interface ISweepCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Validates, stores and starts a sweep; idempotent for the same spec and id.</summary>
    Task<SubmitResult> SubmitAsync(SweepSubmission submission);

    /// <summary>Progress counts, best so far and the inputs of an ETA; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepProgress?> GetProgressAsync();

    /// <summary>The silo of this coordinator and of every trial in flight; null when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<SweepPlacement?> GetPlacementAsync();

    /// <summary>The ranked report; null when no sweep has this id.</summary>
    Task<SweepReport?> GetReportAsync();

    /// <summary>Cancels every unfinished trial; returns false when no sweep has this id.</summary>
    Task<bool> CancelAsync();

    /// <summary>
    /// A cancelled sweep goes on: its cancelled trials are queued again and go on from their checkpoints; its ended
    /// results are kept. A running sweep is left as it is; a finished one is refused (extend it instead).
    /// </summary>
    Task<SweepChangeResult> ResumeAsync();

    /// <summary>Adds trials (more random combinations, more seeds for every combination); a finished sweep runs again.</summary>
    Task<SweepChangeResult> ExtendAsync(SweepExtension extension);

    /// <summary>
    /// Deletes an ended or cancelled sweep: its trials' state and checkpoints, its own state and its rows in the study
    /// tables. A running sweep is refused (cancel it first); nothing is deleted then.
    /// </summary>
    Task<SweepChangeResult> DeleteAsync();

    /// <summary>A trial finished one or more epochs.</summary>
    Task ReportEpochsAsync(TrialEpochs epochs);

    /// <summary>
    /// A trial finished one or more epochs and waits, after the last one (a decision epoch of the sweep's trial
    /// scheduler), for what to do next. Returns at once: it never waits for other trials.
    /// </summary>
    Task<TrialDirective> DecideAsync(TrialEpochs epochs);

    /// <summary>The replay spec of trial <paramref name="trialIndex"/> (see <see cref="ITrialGrain.GetReplayAsync"/>); null when there is none.</summary>
    Task<string?> GetReplayAsync(int trialIndex);

    /// <summary>The sweep's data files (their <c>dataset:</c> values, hashes and where they were read); empty for
    /// built-in datasets or when no sweep has this id.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<SweepDataFile>> GetDataFilesAsync();

    /// <summary>An attempt of a trial ended.</summary>
    Task ReportFinishedAsync(TrialFinished finished);
}
