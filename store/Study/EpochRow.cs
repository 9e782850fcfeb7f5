// One row of the epochs table: an epoch's record of one trial, keyed (sweep, trial, epoch).
using SweepCluster.Core;

namespace SweepCluster.Store.Study;

/// <summary>An epoch of a trial as the store keeps it.</summary>
/// <param name="Sweep">The sweep's id.</param>
/// <param name="Trial">The trial's index.</param>
/// <param name="Record">The epoch (its <see cref="EpochRecord.Epoch"/> completes the key).</param>
public sealed record EpochRow(string Sweep, int Trial, EpochRecord Record);
