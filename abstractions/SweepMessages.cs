// What clients send to and get from a sweep coordinator. Every call is short: clients poll progress; no call stays
// open for the length of a trial.
using SweepCluster.Core;

namespace SweepCluster.Abstractions;

/// <summary>A sweep spec as the user wrote it, with what is needed to read it exactly as the CLI did.</summary>
/// <param name="SpecText">The file's text.</param>
/// <param name="SourceName">The file's path, for error messages.</param>
/// <param name="BaseDirectory">Not used by silos, which never resolve a path named in a spec; current clients send
/// null (sweeps stored by earlier versions have the spec's folder here).</param>
/// <param name="IsJson">JSON (else YAML).</param>
/// <param name="Data">The spec's data files as the client read them, by their <c>dataset:</c> value as written; their
/// bytes are in the cluster's storage by hash (<see cref="Datasets.DatasetTransfer"/>). Null or empty: built-in
/// datasets only.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepSubmission")]
public sealed record SweepSubmission(
    [property: Id(0)] string SpecText,
    [property: Id(1)] string SourceName,
    [property: Id(2)] string? BaseDirectory,
    [property: Id(3)] bool IsJson,
    [property: Id(4)] bool AllowLarge,
    [property: Id(5)] IReadOnlyList<SweepDataFile>? Data = null)
{
    /// <summary>The SHA-256 of the data file a trial's <c>dataset:</c> value names; null for a built-in dataset.</summary>
    public string? DataSha256Of(string dataset) => Data?.FirstOrDefault(file => file.Dataset == dataset)?.Sha256;

    /// <summary>The folder of the spec file it came from: its base directory, else the folder of its source when that is a
    /// full path (the CLI sends the file's full path); null for an inline spec.</summary>
    public string? SpecDirectory() =>
        BaseDirectory ?? (Path.IsPathFullyQualified(SourceName) ? Path.GetDirectoryName(SourceName) : null);

    /// <summary>Whether <paramref name="other"/> carries the same data files (same values, same content).</summary>
    public bool SameDataAs(SweepSubmission other) =>
        (Data ?? []).Select(f => (f.Dataset, f.Sha256)).Order().SequenceEqual((other.Data ?? []).Select(f => (f.Dataset, f.Sha256)).Order());
}

/// <summary>One data file of a sweep, as the submitting client read it.</summary>
/// <param name="Dataset">The spec's <c>dataset:</c> value as written, e.g. "data/points.csv".</param>
/// <param name="Sha256">Its content's SHA-256 in lower-case hex: the key of its copy in the cluster's storage.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="SubmittedPath">The full path the client read it from, for people (`sweep resume` compares it with the
/// file there now); a silo never opens it.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepDataFile")]
public sealed record SweepDataFile(
    [property: Id(0)] string Dataset,
    [property: Id(1)] string Sha256,
    [property: Id(2)] long Length,
    [property: Id(3)] string SubmittedPath);

public enum SubmitOutcome
{
    /// <summary>A new sweep was created and started.</summary>
    Created,

    /// <summary>The same spec was already submitted under this id: the existing sweep is returned (idempotent).</summary>
    AlreadyExists,

    /// <summary>The spec is invalid; nothing was stored.</summary>
    Invalid,

    /// <summary>The id is taken by a different spec.</summary>
    IdConflict,
}

/// <summary>The answer to a submission.</summary>
/// <param name="Errors">Invalid: every error, already formatted as "file:line: field: message".</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] SubmitOutcome Outcome,
    [property: Id(1)] string SweepId,
    [property: Id(2)] string Name,
    [property: Id(3)] int TotalTrials,
    [property: Id(4)] IReadOnlyList<string> Errors);

/// <summary>A sweep's progress at one moment.</summary>
/// <param name="Counts">Trials per status.</param>
/// <param name="EpochsDone">Epochs reported so far over every trial (for the ETA).</param>
/// <param name="EpochsPlanned">Epochs every trial would run to the end.</param>
/// <param name="BestMetric">The best value of the sweep metric among completed trials.</param>
/// <param name="BestDescription">The best trial's combination in words.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepProgress")]
public sealed record SweepProgress(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepStatus Status,
    [property: Id(3)] int TotalTrials,
    [property: Id(4)] IReadOnlyDictionary<TrialStatus, int> Counts,
    [property: Id(5)] long EpochsDone,
    [property: Id(6)] long EpochsPlanned,
    [property: Id(7)] MetricName Metric,
    [property: Id(8)] double? BestMetric,
    [property: Id(9)] string? BestDescription,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? FinishedAt)
{
    public int Count(TrialStatus status) => Counts.TryGetValue(status, out var n) ? n : 0;

    /// <summary>Trials in a terminal state (completed, diverged, failed, cancelled or pruned).</summary>
    public int Finished => Counts.Where(c => c.Key.IsTerminal()).Sum(c => c.Value);

    /// <summary>The sweep has ended and every trial with it: nothing will change any more.</summary>
    public bool IsOver => Status.IsTerminal() && Finished == TotalTrials;
}

/// <summary>One line of `sweep list`.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SweepListing")]
public sealed record SweepListing(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Name,
    [property: Id(2)] SweepStatus Status,
    [property: Id(3)] int TotalTrials,
    [property: Id(4)] DateTimeOffset CreatedAt);
