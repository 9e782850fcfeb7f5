namespace SweepCluster.Abstractions.Datasets;

/// <summary>
/// A data file that travelled with a sweep, stored once in the cluster's grain storage (key: its SHA-256 in lower-case
/// hex). Its bytes are in <see cref="IDatasetChunkGrain"/>s; this grain holds the manifest that says they are complete
/// and were checked against the key. Sweeps with the same data share it.
/// </summary>
public interface IDatasetGrain : IGrainWithStringKey
{
    /// <summary>The manifest of the stored data; null while it is not (completely) stored.</summary>
    Task<DatasetManifest?> GetManifestAsync();

    /// <summary>Checks that the chunks written so far hold exactly <paramref name="length"/> bytes whose SHA-256 is this
    /// grain's key, and stores the manifest. Idempotent.</summary>
    /// <exception cref="ArgumentException">The chunks do not hold that content, or it is over the size limit.</exception>
    Task<DatasetManifest> SealAsync(long length);
}
