// Plain tests of how a trial run groups the epochs its training thread finished into the batches its grain records.
using SweepCluster.Core;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Trials;

public sealed class EpochBatchingTests
{
    private static EpochProgress Epoch(int epoch, bool checkpoint) =>
        new(new EpochRecord(epoch, epoch * 10L, 1.0 / epoch, 0.5, null, null, null, 0.1, 0, 32), checkpoint ? [(byte)epoch] : null);

    [Fact]
    public void EachCheckpointButTheNewestGoesInItsOwnBatchWithTheEpochsUpToIt()
    {
        var epochs = new List<EpochProgress> { Epoch(1, false), Epoch(2, true), Epoch(3, false), Epoch(4, true), Epoch(5, true), Epoch(6, false) };

        var earlier = EpochBatching.TakeEarlierCheckpoints(epochs);

        Assert.Equal([[1, 2], [3, 4], [5]], earlier.Select(b => b.Records.Select(r => r.Epoch).ToArray()).ToArray());
        Assert.Equal([2, 4, 5], earlier.Select(b => b.CheckpointEpoch));
        Assert.Equal([[2], [4], [5]], earlier.Select(b => b.Checkpoint!).ToArray());
        Assert.All(earlier, b => Assert.False(b.Asking));
        Assert.Equal([6], epochs.Select(e => e.Record.Epoch)); // left for the caller: no checkpoint, or one at its end
    }

    [Fact]
    public void ACheckpointAtTheLastEpochStaysWithTheRest()
    {
        var epochs = new List<EpochProgress> { Epoch(7, false), Epoch(8, true) };

        Assert.Empty(EpochBatching.TakeEarlierCheckpoints(epochs));

        var batch = EpochBatching.ToBatch(epochs, asking: true);
        Assert.Equal([7, 8], batch.Records.Select(r => r.Epoch));
        Assert.Equal(8, batch.CheckpointEpoch);
        Assert.True(batch.Asking);
    }

    [Fact]
    public void EveryEpochIsInExactlyOneBatchInOrder()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(1, 12);
            var epochs = Enumerable.Range(1, count).Select(e => Epoch(e, random.Next(3) == 0)).ToList();
            var earlier = EpochBatching.TakeEarlierCheckpoints(epochs);
            var tail = EpochBatching.ToBatch(epochs, asking: false);
            var all = earlier.Append(tail).ToList();
            Assert.Equal(Enumerable.Range(1, count), all.SelectMany(b => b.Records).Select(r => r.Epoch));
            // Every batch holds at most one checkpoint, at its last epoch: its progress and its checkpoint are one step.
            Assert.All(all.Where(b => b.Checkpoint is not null), b => Assert.Equal(b.Records[^1].Epoch, b.CheckpointEpoch));
        }
    }
}
