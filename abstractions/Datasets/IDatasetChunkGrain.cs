namespace SweepCluster.Abstractions.Datasets;

/// <summary>One chunk of a stored data file (key: "{sha256}/{index}", see <see cref="DatasetChunks"/>), in the
/// cluster's grain storage. It keeps nothing in memory between calls.</summary>
public interface IDatasetChunkGrain : IGrainWithStringKey
{
    /// <summary>Stores the chunk's bytes (at most <see cref="DatasetChunks.ChunkBytes"/>). Writing the same bytes again
    /// changes nothing.</summary>
    Task PutAsync(byte[] bytes);

    /// <summary>The chunk's bytes; empty when none were stored.</summary>
    Task<byte[]> GetAsync();
}
