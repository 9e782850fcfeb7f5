// GET /api/sweeps/{id}'s document: a sweep's progress as the coordinator tallies it, in the spec's words (statuses and
// metric in snake_case). `over` is what a script waits for: the sweep has ended and every trial with it.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Specs;

namespace SweepCluster.Web.Api;

/// <summary>A sweep's progress.</summary>
/// <param name="Counts">Trials per status, every status named (zeros included).</param>
/// <param name="Finished">Trials in a terminal state.</param>
/// <param name="Over">Nothing about the sweep will change any more.</param>
/// <param name="BestMetric">The best metric among completed trials; null before any completed.</param>
/// <param name="BestDescription">The best trial's combination in words.</param>
public sealed record SweepStatusJson(string Id, string Name, string Status, bool Over, int TotalTrials, int Finished,
    IReadOnlyDictionary<string, int> Counts, long EpochsDone, long EpochsPlanned, string Metric, double? BestMetric, string? BestDescription,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    public static SweepStatusJson Of(SweepProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new SweepStatusJson(progress.SweepId, progress.Name, SpecNames.Of(progress.Status), progress.IsOver, progress.TotalTrials,
            progress.Finished, Enum.GetValues<TrialStatus>().ToDictionary(SpecNames.Of, progress.Count), progress.EpochsDone,
            progress.EpochsPlanned, SpecNames.Of(progress.Metric), progress.BestMetric is { } best && double.IsFinite(best) ? best : null,
            progress.BestDescription, progress.CreatedAt, progress.FinishedAt);
    }
}

/// <summary>The answer to a submission: the sweep's id, name and trials; <see cref="Created"/> is false when the same
/// spec was already submitted under this id (the existing sweep is kept).</summary>
public sealed record SubmittedJson(string Id, string Name, int TotalTrials, bool Created);
