// One row of the trials table: the trial's identity, its searched hyperparameters (one typed column each) and its
// results so far. Upserted by (Sweep, Trial) as the trial runs.
using SweepCluster.Core;
using SweepCluster.Store.Hyperparameters;

namespace SweepCluster.Store.Study;

/// <summary>A trial as the store keeps it.</summary>
/// <param name="Sweep">The sweep's id.</param>
/// <param name="Trial">The trial's index in the sweep (with <paramref name="Sweep"/>, the key).</param>
/// <param name="Combination">The hyperparameter combination it replicates.</param>
/// <param name="Seed">Its training seed.</param>
/// <param name="Status">Where it is in its life.</param>
public sealed record TrialRow(string Sweep, int Trial, int Combination, long Seed, TrialStatus Status)
{
    /// <summary>The searched hyperparameters (<see cref="HyperparameterColumns.Of(SweepCluster.Core.Specs.TrialSpec)"/>).
    /// On write they replace the trial's previous values: a sweep column missing here becomes NULL. On read: the sweep's
    /// columns that hold a value, in the sweep's column order.</summary>
    public IReadOnlyList<HyperparameterValue> Hyperparameters { get; init; } = [];

    /// <summary>The sweep metric at the last epoch run.</summary>
    public double? FinalMetric { get; init; }

    /// <summary>The best value of the sweep metric over the epochs run.</summary>
    public double? BestMetric { get; init; }

    /// <summary>The epoch of <see cref="BestMetric"/>.</summary>
    public int? BestEpoch { get; init; }

    public int EpochsRun { get; init; }

    /// <summary>Training time over every attempt.</summary>
    public double? WallSeconds { get; init; }

    /// <summary>The silo of the last attempt.</summary>
    public string? Silo { get; init; }

    public int Attempts { get; init; }

    /// <summary>The epoch at which the trial scheduler stopped it (status pruned).</summary>
    public int? PrunedAtEpoch { get; init; }

    /// <summary>Population-based training: the trial whose checkpoint and hyperparameters it last copied.</summary>
    public int? PbtDonor { get; init; }

    /// <summary>A completed trial's metric (accuracy or RMSE) on its held-out test rows; null without a test split.</summary>
    public double? TestMetric { get; init; }

    /// <summary>When the trial reached its terminal status; null while it has not.</summary>
    public DateTimeOffset? Finished { get; init; }
}
