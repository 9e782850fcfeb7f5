// The parts of a simulated trial grain: what it stores (TrialRecord, the truth a coordinator reconciles with), its
// activation on one silo (lost with the silo, rebuilt from storage on the next call), and its runs: at most one
// trains; a start while one waits at a boundary queues the next behind it (TrialGrain's previousRun chain).
using System.Collections.Immutable;
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

/// <summary>The start a trial grain works on (TrialAssignment): its attempt, spec, decision epochs and PBT donor.</summary>
internal sealed record Assignment(int Attempt, string SpecJson, ulong SpecHash, IReadOnlyList<int> DecisionEpochs, int? Donor, int DonorEpoch, int Life = 0);

/// <summary>A trial grain's stored state (TrialGrainState). The checkpoint holds the weights after <see cref="CheckpointEpoch"/>.</summary>
/// <param name="Failures">Attempts that ended Failed (TrialGrainState.Failures).</param>
internal sealed record TrialRecord(Assignment? Assignment, TrialStatus Status, ImmutableList<EpochRecord> History, bool HasCheckpoint,
    int CheckpointEpoch, string? Error, string? Silo, double WallSeconds, string? StopReason, int Failures = 0)
{
    public static TrialRecord Empty { get; } = new(null, TrialStatus.Pending, [], false, 0, null, null, 0, null);

    /// <summary>Ended for good: nothing may run it again (a failed trial may be retried).</summary>
    public bool Ended => Status.IsTerminal() && Status != TrialStatus.Failed;
}

internal enum RunPhase { Queued, WaitingForSlot, AskingAtResume, Training, Asking, Leaving }

/// <summary>One run of a trial grain (RunAsync): from its start to its end, stop at a boundary, or its silo's death.</summary>
internal sealed class TrialRun(Activation activation, int generation)
{
    public Activation Activation { get; } = activation;
    public int Generation { get; } = generation;
    public RunPhase Phase { get; set; } = RunPhase.Queued;
    public bool Cancelled { get; set; }

    /// <summary>The attempt it trains (set when it takes a slot).</summary>
    public int Attempt { get; set; }

    /// <summary>Training seconds of this segment (one per epoch).</summary>
    public double Segment { get; set; }

    public List<EpochRecord> Unreported { get; } = [];
    public TrialProgress? Question { get; set; }
    public CallRef? Call { get; set; }
    public int Retries { get; set; }
    public Directive? Stop { get; set; }

    public bool IsAsking => Phase is RunPhase.Asking or RunPhase.AskingAtResume;
}

/// <summary>A trial grain's activation: its in-memory state (ahead of storage between checkpoints) and its runs.</summary>
internal sealed class Activation(int id, int trial, Silo silo, TrialRecord state)
{
    public int Id { get; } = id;
    public int Trial { get; } = trial;
    public Silo Silo { get; } = silo;
    public TrialRecord State { get; set; } = state;

    /// <summary>Runs in start order; only the first can be past <see cref="RunPhase.Queued"/>.</summary>
    public List<TrialRun> Runs { get; } = [];

    public int RunGeneration { get; set; }
    public bool AwaitingDecision { get; set; }
    public bool LeavingAtBoundary { get; set; }
    public string? PrunedWhileLeaving { get; set; }

    public int CurrentAttempt => State.Assignment?.Attempt ?? 0;
    public bool IsTraining => Runs.Count > 0 && !State.Status.IsTerminal();
}
