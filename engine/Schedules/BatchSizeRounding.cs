namespace SweepCluster.Engine.Schedules;

/// <summary>Turns a batch-size schedule's real value into a batch: rounded to nearest (ties to even), then clamped.</summary>
public static class BatchSizeRounding
{
    /// <summary>The smallest batch allowed when the spec gives no <c>min</c>.</summary>
    public const int DefaultMinimum = 1;

    public static int Apply(double value, double? min, double? max, int trainingRows)
    {
        var lower = min ?? DefaultMinimum;
        var upper = max ?? trainingRows;
        var rounded = Math.Round(value, MidpointRounding.ToEven);
        var clamped = Math.Clamp(rounded, lower, Math.Max(lower, upper));
        return (int)Math.Min(clamped, trainingRows);
    }
}
