namespace SweepCluster.Abstractions.Datasets;

/// <summary>A data file stored completely in the cluster's grain storage.</summary>
/// <param name="Sha256">Its SHA-256 (the dataset grain's key), checked over the stored chunks.</param>
/// <param name="Length">Its size in bytes.</param>
/// <param name="Chunks">How many chunks hold it (<see cref="DatasetChunks.Count"/> of <paramref name="Length"/>).</param>
/// <param name="StoredAt">When it was sealed.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.DatasetManifest")]
public sealed record DatasetManifest(
    [property: Id(0)] string Sha256,
    [property: Id(1)] long Length,
    [property: Id(2)] int Chunks,
    [property: Id(3)] DateTimeOffset StoredAt);
