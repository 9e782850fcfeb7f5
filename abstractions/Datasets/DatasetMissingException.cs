namespace SweepCluster.Abstractions.Datasets;

/// <summary>A data file a sweep needs is not (intact) in the cluster's storage.</summary>
public sealed class DatasetMissingException : Exception
{
    /// <summary>How many hex digits of the hash the message shows.</summary>
    private const int ShownDigits = 12;

    public DatasetMissingException(string sha256, string why)
        : base($"the data file with SHA-256 {(sha256.Length > ShownDigits ? sha256[..ShownDigits] + "…" : sha256)}: {why}")
    {
    }
}
