// How the epochs that a trial's training thread finished since the last turn are grouped into the batches its grain
// records: one storage write per checkpoint, not per epoch.
using SweepCluster.Abstractions;

namespace SweepCluster.Grains.Trials;

internal static class EpochBatching
{
    /// <summary>The epochs as one batch, with the newest checkpoint among them.</summary>
    public static EpochBatch ToBatch(IReadOnlyList<EpochProgress> epochs, bool asking)
    {
        var newest = epochs.LastOrDefault(e => e.Checkpoint is not null);
        return new EpochBatch(epochs.Select(e => e.Record).ToArray(), newest?.Checkpoint, newest?.Record.Epoch ?? 0, asking);
    }

    /// <summary>
    /// Removes from <paramref name="epochs"/> every epoch up to its last checkpoint but one at its end, as one batch per
    /// checkpoint, in order; what is left holds at most one checkpoint, at its last epoch.
    /// </summary>
    /// <remarks>
    /// A batch's progress is stored before its checkpoint, so a silo lost between the two writes resumes from the
    /// checkpoint stored before it. With one batch per checkpoint that redoes at most the epochs between two
    /// checkpoints, as the sweep's checkpoint policy promises; a batch of fast epochs holding several checkpoints
    /// but keeping only its newest could redo them all.
    /// </remarks>
    public static IReadOnlyList<EpochBatch> TakeEarlierCheckpoints(List<EpochProgress> epochs)
    {
        var batches = new List<EpochBatch>();
        var start = 0;
        for (var i = 0; i < epochs.Count - 1; i++)
        {
            if (epochs[i].Checkpoint is null) continue;
            batches.Add(ToBatch(epochs.GetRange(start, i + 1 - start), asking: false));
            start = i + 1;
        }
        epochs.RemoveRange(0, start);
        return batches;
    }
}
