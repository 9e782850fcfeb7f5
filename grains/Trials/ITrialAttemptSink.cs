// How a trial's running attempt reaches its grain. The attempt runs off the grain's scheduler (its trainer on a
// dedicated thread, its pump on the thread pool) and makes every change to the trial's state through these calls:
// each is a turn of the grain like any request, so an attempt and a start never change or write the state at once,
// with no lock. A ticket names the activation and the attempt's run; a call with a stale ticket changes nothing.
using SweepCluster.Engine.Training;
using SweepCluster.Core;

using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Trials;

public interface ITrialAttemptSink : IGrainWithStringKey
{
    /// <summary>The run has its slot: record the attempt as Running. Null when a newer run has taken over.</summary>
    Task<AttemptBegin?> BeginAsync(AttemptTicket ticket);

    /// <summary>Stores finished epochs (and the newest checkpoint among them); returns what to send the coordinator, if anything now.</summary>
    Task<TrialEpochs?> RecordAsync(AttemptTicket ticket, EpochBatch batch);

    /// <summary>The coordinator answered at a decision epoch; returns what the attempt does (Pause when a newer run took over).</summary>
    Task<TrialDirective> DecidedAsync(AttemptTicket ticket, TrialDirective directive);

    /// <summary>The attempt stopped at its boundary as told: Paused or Pruned (or still Pending when a newer run took over).</summary>
    Task StopAtBoundaryAsync(AttemptTicket ticket, TrialDirective directive);

    /// <summary>
    /// The attempt ended, with its last epochs (the spec's last epoch, not recorded yet) if it trained them: stores them
    /// and the end in one write, ends the run as <see cref="EndAsync"/> does, and returns the report for the coordinator
    /// (null when a newer run had taken over). <paramref name="test"/>: a completed trial's held-out test evaluation.
    /// </summary>
    Task<TrialFinished?> FinishAsync(AttemptTicket ticket, EpochBatch? last, TrialStatus status, string? message, HeldOutEvaluation? test = null);

    /// <summary>The run is over without a finish (stopped at its boundary, or superseded): its keep-alive ends unless a newer run took over.</summary>
    Task EndAsync(AttemptTicket ticket);
}

/// <summary>One run of one activation: <paramref name="Generation"/> counts the runs started in it.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.AttemptTicket")]
public sealed record AttemptTicket([property: Id(0)] Guid Activation, [property: Id(1)] int Generation, [property: Id(2)] int Attempt);

/// <summary>What a run trains: its assignment, the checkpoint it starts from, and a question to ask first (a resume at a decision epoch).</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.AttemptBegin")]
public sealed record AttemptBegin([property: Id(0)] TrialAssignment Assignment, [property: Id(1)] byte[]? Checkpoint, [property: Id(2)] TrialEpochs? QuestionFirst);

/// <summary>Epochs finished since the last batch, with the newest checkpoint among them; <paramref name="Asking"/>: the last is a decision epoch.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.EpochBatch")]
public sealed record EpochBatch(
    [property: Id(0)] IReadOnlyList<EpochRecord> Records,
    [property: Id(1)] byte[]? Checkpoint,
    [property: Id(2)] int CheckpointEpoch,
    [property: Id(3)] bool Asking);
