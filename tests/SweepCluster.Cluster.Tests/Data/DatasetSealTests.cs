// How a data file is cut into chunks and sealed, in milliseconds: the chunk count and slices cover the bytes exactly,
// and a seal accepts only chunks that add up to the size and hash to the key, within the size limit.
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Engine.Data;
using SweepCluster.Grains.Datasets;

namespace SweepCluster.Cluster.Tests.Data;

public sealed class DatasetSealTests
{
    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(DatasetChunks.ChunkBytes, 1)]
    [InlineData(DatasetChunks.ChunkBytes + 1L, 2)]
    [InlineData(CsvContent.MaxBytes, 64)]
    public void ChunksCoverTheBytesExactly(long length, int chunks) => Assert.Equal(chunks, DatasetChunks.Count(length));

    [Fact]
    public void SlicesPutBackTogetherAreTheFileAndSealUnderItsHash()
    {
        var bytes = new byte[DatasetChunks.ChunkBytes * 2 + 123];
        new Random(7).NextBytes(bytes);
        var chunks = Enumerable.Range(0, DatasetChunks.Count(bytes.Length)).Select(i => DatasetChunks.Slice(bytes, i).ToArray()).ToArray();
        Assert.Equal(bytes, chunks.SelectMany(c => c).ToArray());

        var sha256 = ContentHash.Sha256Hex(bytes);
        var manifest = DatasetSeal.Check(sha256, bytes.Length, chunks, DateTimeOffset.UnixEpoch);
        Assert.Equal(new DatasetManifest(sha256, bytes.Length, 3, DateTimeOffset.UnixEpoch), manifest);
    }

    [Fact]
    public void ChunksThatDoNotHashToTheKeyOrAddUpToTheSizeAreRefused()
    {
        byte[] bytes = [1, 2, 3];
        var sha256 = ContentHash.Sha256Hex(bytes);
        Assert.Contains("not the key", Assert.Throws<ArgumentException>(() => DatasetSeal.Check(sha256, 3, [[1, 2, 4]], DateTimeOffset.UnixEpoch)).Message);
        Assert.Contains("hold 2 bytes, not 3", Assert.Throws<ArgumentException>(() => DatasetSeal.Check(sha256, 3, [[1, 2]], DateTimeOffset.UnixEpoch)).Message);
        Assert.Contains("not a SHA-256", Assert.Throws<ArgumentException>(() => DatasetSeal.Check("../x", 3, [bytes], DateTimeOffset.UnixEpoch)).Message);
        Assert.Contains("over the limit of 256 MiB", Assert.Throws<ArgumentException>(() => DatasetSeal.ChunkIndices(sha256, CsvContent.MaxBytes + 1).ToArray()).Message);
    }
}
