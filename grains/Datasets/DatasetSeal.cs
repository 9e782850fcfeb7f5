// Whether the chunks a client wrote hold the data file a dataset grain is keyed by: the key is a SHA-256, the size is
// within the limit, the chunks add up to the size, and their content hashes to the key. A client cannot store
// content under another content's hash. Plain C#, so the grain only hosts it.
using System.Security.Cryptography;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Engine.Data;

namespace SweepCluster.Grains.Datasets;

public static class DatasetSeal
{
    /// <summary>The chunks a file of <paramref name="length"/> bytes has, after checking the key and the size.</summary>
    /// <exception cref="ArgumentException">Not a SHA-256 key, or a size outside 0 to the limit.</exception>
    public static IEnumerable<int> ChunkIndices(string sha256, long length)
    {
        if (!ContentHash.IsSha256Hex(sha256)) throw new ArgumentException($"'{sha256}' is not a SHA-256 in lower-case hex", nameof(sha256));
        if (length is < 0 or > CsvContent.MaxBytes)
            throw new ArgumentException($"a data file of {length:N0} bytes is over {CsvContent.LimitText}", nameof(length));
        return Enumerable.Range(0, DatasetChunks.Count(length));
    }

    /// <summary>The manifest of <paramref name="chunks"/>, when they are the file <paramref name="sha256"/> names.</summary>
    /// <exception cref="ArgumentException">They are not.</exception>
    public static DatasetManifest Check(string sha256, long length, IReadOnlyList<byte[]> chunks, DateTimeOffset now)
    {
        var count = ChunkIndices(sha256, length).Count();
        if (chunks.Count != count) throw new ArgumentException($"expected {count} chunk(s), got {chunks.Count}", nameof(chunks));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long total = 0;
        foreach (var chunk in chunks)
        {
            hash.AppendData(chunk);
            total += chunk.LongLength;
        }
        if (total != length) throw new ArgumentException($"the chunks hold {total:N0} bytes, not {length:N0}", nameof(chunks));
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (actual != sha256)
            throw new ArgumentException($"the chunks' SHA-256 is {ContentHash.Short(actual)}, not the key {ContentHash.Short(sha256)}; upload them again", nameof(chunks));
        return new DatasetManifest(sha256, length, count, now);
    }
}
