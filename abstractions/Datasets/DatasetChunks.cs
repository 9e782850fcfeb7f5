// How a data file is cut into chunks for grain storage and messages: fixed-size pieces, so that no message and no
// stored state holds more than ChunkBytes (Orleans refuses messages over 100 MB, and one grain-state row per chunk keeps
// every storage write small), and the chunk grains' keys.
namespace SweepCluster.Abstractions.Datasets;

public static class DatasetChunks
{
    /// <summary>The size of every chunk but the last.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    /// <summary>How many chunks hold <paramref name="length"/> bytes (an empty file has none).</summary>
    public static int Count(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return (int)((length + ChunkBytes - 1) / ChunkBytes);
    }

    /// <summary>Chunk <paramref name="index"/> of <paramref name="bytes"/>.</summary>
    public static ReadOnlyMemory<byte> Slice(byte[] bytes, int index)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var start = (long)index * ChunkBytes;
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(start, bytes.LongLength, nameof(index));
        return bytes.AsMemory((int)start, (int)Math.Min(ChunkBytes, bytes.LongLength - start));
    }

    /// <summary>The key of chunk <paramref name="index"/> of the data file <paramref name="sha256"/>.</summary>
    public static string Key(string sha256, int index) => $"{sha256}/{index}";
}
