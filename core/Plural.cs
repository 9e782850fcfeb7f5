// Counts in CLI messages: "1 trial", "2 trials", "1,000 slots".
using System.Globalization;

namespace SweepCluster.Core;

public static class Plural
{
    /// <summary>The count (with thousands separators) and the noun, with an "s" unless the count is one.</summary>
    public static string Of(long count, string noun) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? noun : noun + "s")}";
}
