// Moves a data file's bytes into and out of the cluster's grain storage, chunk by chunk: the client uploads what it
// read (skipped when a sweep before it stored the same content), silos and `sweep replay` download it by hash. Every
// download is checked against the hash it was asked for.
// Deliberately does not cache (the silo's SiloDatasets does) or read files.
using System.Security.Cryptography;

namespace SweepCluster.Abstractions.Datasets;

public static class DatasetTransfer
{
    /// <summary>Stores <paramref name="bytes"/> under <paramref name="sha256"/> unless they are stored already.</summary>
    /// <returns>True when this call uploaded them, false when the cluster already had them.</returns>
    public static async Task<bool> UploadAsync(IGrainFactory grains, string sha256, byte[] bytes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(bytes);
        var dataset = grains.GetGrain<IDatasetGrain>(sha256);
        if (await dataset.GetManifestAsync() is { } stored && stored.Length == bytes.LongLength) return false;
        for (var index = 0; index < DatasetChunks.Count(bytes.LongLength); index++)
        {
            cancellation.ThrowIfCancellationRequested();
            await grains.GetGrain<IDatasetChunkGrain>(DatasetChunks.Key(sha256, index)).PutAsync(DatasetChunks.Slice(bytes, index).ToArray());
        }
        await dataset.SealAsync(bytes.LongLength);
        return true;
    }

    /// <summary>The bytes stored under <paramref name="sha256"/>.</summary>
    /// <exception cref="DatasetMissingException">The cluster has no complete copy, or its chunks do not match the hash.</exception>
    public static async Task<byte[]> DownloadAsync(IGrainFactory grains, string sha256, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var manifest = await grains.GetGrain<IDatasetGrain>(sha256).GetManifestAsync()
            ?? throw new DatasetMissingException(sha256, "the cluster's storage has no copy of it");
        var bytes = new byte[manifest.Length];
        var offset = 0;
        for (var index = 0; index < manifest.Chunks; index++)
        {
            cancellation.ThrowIfCancellationRequested();
            var chunk = await grains.GetGrain<IDatasetChunkGrain>(DatasetChunks.Key(sha256, index)).GetAsync();
            if (offset + chunk.Length > bytes.Length) throw new DatasetMissingException(sha256, "its stored chunks are longer than its manifest says");
            chunk.CopyTo(bytes, offset);
            offset += chunk.Length;
        }
        if (offset != bytes.Length || Convert.ToHexStringLower(SHA256.HashData(bytes)) != sha256)
            throw new DatasetMissingException(sha256, "its stored chunks do not hold the content its hash names");
        return bytes;
    }
}
