// How much memory one trial may take: a silo's --trial-memory-mb, or a share of the machine. The same rule gives the
// default of a silo and of `sweep validate` / `sweep run`, so a sweep that validates here fits a silo like this one.
namespace SweepCluster.Engine.Memory;

/// <summary>The most memory one trial may take, in bytes.</summary>
public sealed record TrialMemoryBudget(long Bytes)
{
    /// <summary>No machine share goes below this (a small container still runs the quickstart).</summary>
    public const long FloorBytes = 256 * ByteCount.Megabyte;

    /// <summary>The setting's name, shown in refusals.</summary>
    public const string Flag = "--trial-memory-mb";

    /// <summary>A budget of <paramref name="megabytes"/> MB.</summary>
    public static TrialMemoryBudget FromMegabytes(long megabytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(megabytes);
        return new TrialMemoryBudget(ByteCount.Multiply(megabytes, ByteCount.Megabyte));
    }

    /// <summary>The memory this process may use (GC.GetGCMemoryInfo: the machine's, or its container limit) divided
    /// by <paramref name="slots"/> trials at once, and at least <see cref="FloorBytes"/>.</summary>
    public static TrialMemoryBudget ForMachine(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        var available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return new TrialMemoryBudget(Math.Max(FloorBytes, available / slots));
    }

    /// <summary><paramref name="megabytes"/> when set (above 0), else the machine's share for <paramref name="slots"/>.</summary>
    public static TrialMemoryBudget Resolve(long megabytes, int slots) => megabytes > 0 ? FromMegabytes(megabytes) : ForMachine(slots);

    public bool Fits(TrialMemoryEstimate estimate) => estimate.Total <= Bytes;

    public override string ToString() => ByteCount.Format(Bytes);
}
