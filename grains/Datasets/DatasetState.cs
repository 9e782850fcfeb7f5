using SweepCluster.Abstractions.Datasets;

namespace SweepCluster.Grains.Datasets;

/// <summary>A dataset grain's stored state: its manifest once sealed.</summary>
[GenerateSerializer, Alias("SweepCluster.DatasetState")]
public sealed record DatasetState([property: Id(0)] DatasetManifest? Manifest = null);
