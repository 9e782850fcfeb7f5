// The column layout of the table's curves file, shared by its writer and reader.
namespace SweepCluster.Tabular.Table;

/// <summary>
/// Columns of the curves CSV: <c>dataset</c>, one per dimension (empty when inactive), <c>seed</c>, <c>end</c>
/// (completed or diverged), then <c>metric_1..E</c>, <c>loss_1..E</c> and <c>steps_1..E</c> (empty after a divergence).
/// </summary>
public static class TableColumns
{
    /// <summary>The fixed column names and the prefixes of the per-epoch columns (suffix: the 1-based epoch).</summary>
    public const string Dataset = "dataset";
    public const string Seed = "seed";
    public const string End = "end";
    public const string MetricPrefix = "metric_";
    public const string LossPrefix = "loss_";
    public const string StepsPrefix = "steps_";

    /// <summary>Numbers are written with this many significant digits (identical text for C# and Python readers).</summary>
    public const string NumberFormat = "G6";

    /// <summary>The text of a loss that is not finite.</summary>
    public const string NotANumber = "NaN";

    /// <summary>The header row for <paramref name="metadata"/>.</summary>
    public static IReadOnlyList<string> Header(TableMetadata metadata) =>
    [
        Dataset, .. metadata.Dimensions.Select(d => d.Name), Seed, End,
        .. Epochs(metadata, MetricPrefix), .. Epochs(metadata, LossPrefix), .. Epochs(metadata, StepsPrefix),
    ];

    /// <summary>The lower-case label of <paramref name="end"/>.</summary>
    public static string Label(CurveEnd end) => end.ToString().ToLowerInvariant();

    private static IEnumerable<string> Epochs(TableMetadata metadata, string prefix) =>
        Enumerable.Range(1, metadata.Epochs).Select(e => prefix + e);
}
