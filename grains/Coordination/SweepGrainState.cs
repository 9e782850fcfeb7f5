// A coordinator's stored state. Mutable on purpose: it holds one entry per trial and changes on every reported epoch,
// so copying it immutably per update would cost O(trials) each time. Only the coordinator grain touches it.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Grains.Coordination;

[GenerateSerializer, Alias("SweepCluster.SweepGrainState")]
public sealed class SweepGrainState
{
    /// <summary>The spec as submitted; null while no sweep has this id. Trials are re-derived from it (deterministic).</summary>
    [Id(0)] public SweepSubmission? Submission { get; set; }
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public SweepStatus Status { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(5)] public List<CoordinatedTrial> Trials { get; set; } = [];
    [Id(6)] public string SchedulerState { get; set; } = "";
}

/// <summary>The coordinator's record of one trial.</summary>
[GenerateSerializer, Alias("SweepCluster.CoordinatedTrial")]
public sealed class CoordinatedTrial
{
    [Id(0)] public int Index { get; set; }
    [Id(1)] public TrialStatus Status { get; set; }

    /// <summary>0 while waiting in the coordinator's queue; the attempt number once handed to a trial grain.</summary>
    [Id(2)] public int Attempt { get; set; }

    /// <summary>Attempts that ended Failed (counted against the sweep's retries).</summary>
    [Id(3)] public int Failures { get; set; }

    [Id(4)] public List<EpochRecord> History { get; set; } = [];
    [Id(5)] public string? Error { get; set; }

    /// <summary>Every silo an attempt ran on, in order.</summary>
    [Id(6)] public List<string> Silos { get; set; } = [];

    [Id(7)] public double WallSeconds { get; set; }

    /// <summary>The silo the current attempt was placed on.</summary>
    [Id(8)] public string? AssignedSilo { get; set; }

    [Id(9)] public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>The trial spec (canonical JSON) when it is no longer the searcher's: population-based training changed it.</summary>
    [Id(10)] public string? SpecJson { get; set; }

    /// <summary>Paused or Pruned: the trial scheduler's reason.</summary>
    [Id(11)] public string? StopReason { get; set; }

    /// <summary>Paused or Pruned: the epoch it stopped after.</summary>
    [Id(12)] public int? StoppedAtEpoch { get; set; }

    /// <summary>PBT: the next dispatch starts from a donor's checkpoint with changed hyperparameters.</summary>
    [Id(13)] public PendingRestart? PendingRestart { get; set; }

    /// <summary>PBT: every restart from a donor's checkpoint that was dispatched, in order (the report's exploit table).</summary>
    [Id(14)] public List<ExploitRecord> Exploits { get; set; } = [];

    /// <summary>Stores an exploit once: the same restart dispatched again after a failed start is not a second exploit.</summary>
    public void RecordExploit(ExploitRecord exploit)
    {
        if (!Exploits.Any(exploit.SameExploitAs)) Exploits.Add(exploit);
    }

    /// <summary>Handed to a trial grain and not finished.</summary>
    public bool InFlight => Attempt > 0 && !Status.IsTerminal() && AssignedSilo is not null;

    /// <summary>Waiting in the coordinator's queue for a free slot (a paused trial waits for its scheduler instead).</summary>
    public bool Queued => !Status.IsTerminal() && Status != TrialStatus.Paused && AssignedSilo is null;
}

/// <summary>A stored <see cref="TrialRestart"/>: PBT's exploit and explore for the next dispatch.</summary>
[GenerateSerializer, Alias("SweepCluster.PendingRestart")]
public sealed class PendingRestart
{
    [Id(0)] public int Donor { get; set; }
    [Id(1)] public int Epoch { get; set; }
    [Id(2)] public double LearningRateFactor { get; set; } = 1;
    [Id(3)] public double WeightDecayFactor { get; set; } = 1;
    [Id(4)] public double BatchSizeFactor { get; set; } = 1;
    [Id(5)] public int? ResampleDraw { get; set; }

    public static PendingRestart From(TrialRestart restart) => new()
    {
        Donor = restart.DonorTrialIndex,
        Epoch = restart.Epoch,
        LearningRateFactor = restart.LearningRateFactor,
        WeightDecayFactor = restart.WeightDecayFactor,
        BatchSizeFactor = restart.BatchSizeFactor,
        ResampleDraw = restart.ResampleDraw,
    };

    public TrialRestart ToRestart(int trial) =>
        new(trial, Donor, LearningRateFactor, WeightDecayFactor, BatchSizeFactor, Epoch, ResampleDraw);
}
