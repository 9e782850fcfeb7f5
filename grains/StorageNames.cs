namespace SweepCluster.Grains;

/// <summary>The grain storage providers the grains use; the silo configures each one.</summary>
public static class StorageNames
{
    /// <summary>Sweeps, trials (with their checkpoints), the sweep index and the silo directory.</summary>
    public const string Sweeps = "sweeps";
}
