// Byte arithmetic for memory estimates: checked, and saturating at long.MaxValue, so an absurd spec (hidden sizes
// near int.MaxValue, many layers) gives "too large" instead of an overflow; and the one way sizes are shown.
namespace SweepCluster.Engine.Memory;

public static class ByteCount
{
    public const long Megabyte = 1024L * 1024;
    public const long Gigabyte = 1024L * Megabyte;
    public const long Terabyte = 1024L * Gigabyte;

    /// <summary>a·b, or long.MaxValue when it does not fit.</summary>
    public static long Multiply(long a, long b)
    {
        try
        {
            return checked(a * b);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>a + b, or long.MaxValue when it does not fit.</summary>
    public static long Add(long a, long b)
    {
        try
        {
            return checked(a + b);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>The sum of <paramref name="values"/>, saturating.</summary>
    public static long Sum(params ReadOnlySpan<long> values)
    {
        long total = 0;
        foreach (var value in values) total = Add(total, value);
        return total;
    }

    /// <summary>"512 MB", "23.4 GB", "4.8 TB"; at long.MaxValue "over 8,000,000 TB" (the saturated value).</summary>
    public static string Format(long bytes)
    {
        if (bytes == long.MaxValue) return "over 8,000,000 TB";
        if (bytes >= Terabyte) return $"{(double)bytes / Terabyte:N1} TB";
        if (bytes >= Gigabyte) return $"{(double)bytes / Gigabyte:N1} GB";
        return $"{Math.Max(1, (bytes + Megabyte - 1) / Megabyte):N0} MB";
    }
}
