namespace SweepCluster.Grains.Datasets;

/// <summary>A dataset chunk grain's stored state.</summary>
[GenerateSerializer, Alias("SweepCluster.DatasetChunkState")]
public sealed record DatasetChunkState([property: Id(0)] byte[]? Bytes = null);
