// How the renderers write numbers, durations, statistics and names as text, always in the invariant culture, so
// every format shows the same digits. It does not escape anything for a particular format.
using SweepCluster.Core.Specs;
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Specs;

namespace SweepCluster.Reporting.Formatting;

/// <summary>Text forms of report values shared by the renderers.</summary>
public static class ReportText
{
    /// <summary>Shown where a value does not exist (no completed seed, n = 1 interval).</summary>
    public const string Missing = "—";

    private const string MetricFormat = "0.0000";
    private const string ScheduleValueFormat = "0.######";
    private const string EpochsFormat = "0.#";
    private const int SecondsPerMinute = 60;
    private const int MillisecondsPerSecond = 1000;

    /// <summary>Shorter durations are shown in milliseconds ("0.0 s" would hide them).</summary>
    private const double SubSecondBelow = 0.1;
    private const int SecondsPerHour = 3600;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A metric value with four decimals ("0.9620").</summary>
    public static string Metric(double value) => value.ToString(MetricFormat, Invariant);

    /// <summary>A metric value or <see cref="Missing"/>.</summary>
    public static string Metric(double? value) => value is { } v ? Metric(v) : Missing;

    /// <summary>"mean ± std", just "mean" for one seed, or <see cref="Missing"/>.</summary>
    public static string MeanStd(MetricStatistics? stats) => stats switch
    {
        null => Missing,
        { StdDev: { } s } => $"{Metric(stats.Mean)} ± {Metric(s)}",
        _ => Metric(stats.Mean),
    };

    /// <summary>"[low, high]" of the 95% interval, or <see cref="Missing"/>.</summary>
    public static string Interval(MetricStatistics? stats) =>
        stats is { CiLow: { } low, CiHigh: { } high } ? $"[{Metric(low)}, {Metric(high)}]" : Missing;

    /// <summary>A plain number with up to six decimals (learning rates, epochs).</summary>
    public static string Number(double value) => value.ToString(ScheduleValueFormat, Invariant);

    /// <summary>A number or <see cref="Missing"/>.</summary>
    public static string Number(double? value) => value is { } v ? Number(v) : Missing;

    /// <summary>A mean number of epochs with one decimal ("2.3"), or <see cref="Missing"/>.</summary>
    public static string Epochs(double? epochs) => epochs is { } e ? e.ToString(EpochsFormat, Invariant) : Missing;

    /// <summary>An exact, round-trippable number for machine-readable formats.</summary>
    public static string Exact(double value) => value.ToString("R", Invariant);

    /// <summary>An integer in the invariant culture.</summary>
    public static string Integer(long value) => value.ToString(Invariant);

    /// <summary>A duration for people: "38 ms", "42.0 s", "3 min 05 s", "1 h 02 min".</summary>
    public static string Duration(double seconds)
    {
        if (seconds < SubSecondBelow) return string.Create(Invariant, $"{seconds * MillisecondsPerSecond:0} ms");
        if (seconds < SecondsPerMinute) return string.Create(Invariant, $"{seconds:0.0} s");
        var whole = (long)Math.Round(seconds);
        if (whole < SecondsPerHour) return string.Create(Invariant, $"{whole / SecondsPerMinute} min {whole % SecondsPerMinute:00} s");
        return string.Create(Invariant, $"{whole / SecondsPerHour} h {whole % SecondsPerHour / SecondsPerMinute:00} min");
    }

    /// <summary>A duration or <see cref="Missing"/>.</summary>
    public static string Duration(double? seconds) => seconds is { } s ? Duration(s) : Missing;

    /// <summary>A timestamp as ISO 8601 UTC to the second.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant);

    /// <summary>The snake_case name of any enum member ("val_accuracy", "learning_rate", "diverged").</summary>
    public static string Name<T>(T value) where T : struct, Enum => SpecNames.Of(value);

    /// <summary>"val_accuracy (maximize)".</summary>
    public static string Metric(MetricSpec metric) => $"{Name(metric.Name)} ({Name(metric.Goal)})";

    /// <summary>"learning_rate=cosine(0.2 → 0), batch_size=constant(32)".</summary>
    public static string Axes(IEnumerable<AxisValue> axes) => string.Join(", ", axes.Select(a => $"{a.Path}={a.Value}"));

    /// <summary>The statuses that have trials, "19 completed, 4 diverged, 1 pending".</summary>
    public static string StatusCounts(ReportHeader header) =>
        string.Join(", ", header.StatusCounts.Where(c => c.Count > 0).Select(c => $"{c.Count} {Name(c.Status)}"));

    /// <summary>The note under a truncated table: "… 12 more not shown (20 of 32 combinations).", <paramref name="noun"/>
    /// plural (the count before it is never one).</summary>
    public static string MoreRows(int shown, int total, string noun) =>
        $"… {total - shown} more not shown ({shown} of {total} {noun}).";
}
