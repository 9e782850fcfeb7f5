// The axes of the searched hyperparameters in the per-trial charts: a numeric column's axis (named as trials.csv
// names it, log or linear by LogAxisRule, with a unit where the column has one) and a schedule-family column's
// category axis. Axes only.
using SweepCluster.Core.Specs;

namespace SweepCluster.Reporting.Charts;

/// <summary>Axes for run-table hyperparameter columns.</summary>
internal static class HyperparameterAxes
{
    private const string BatchSizePrefix = "batch_size.";
    private const string ExamplesUnit = "examples";

    /// <summary>The batch-size columns measured in examples.</summary>
    private static readonly HashSet<string> InExamples = new(StringComparer.Ordinal) { "initial", "min", "max", "final" };

    /// <summary>The numeric columns of <paramref name="columns"/> with at least two distinct values among
    /// <paramref name="trials"/> (a column every trial shares, or none has, tells nothing about the metric).</summary>
    public static IReadOnlyList<string> Varying(IEnumerable<string> columns, IReadOnlyCollection<TrialRun> trials) =>
        columns.Where(c => trials.Where(t => t.Numeric.ContainsKey(c)).Select(t => t.Numeric[c]).Distinct().Skip(1).Any()).ToArray();

    /// <summary>The family columns of <paramref name="columns"/> with at least two families among <paramref name="trials"/>.</summary>
    public static IReadOnlyList<string> VaryingFamilies(IEnumerable<string> columns, IReadOnlyCollection<TrialRun> trials) =>
        columns.Where(c => Families(c, trials).Count > 1).ToArray();

    /// <summary>What the charts say about the columns they leave out.</summary>
    public const string ConstantColumnsLeftOut = "Searched columns with a single value among these trials are left out.";

    /// <summary>The axis of numeric column <paramref name="column"/> over the values of <paramref name="trials"/>.</summary>
    public static ChartAxis Numeric(string column, IEnumerable<TrialRun> trials) =>
        new(column, UnitOf(column), LogAxisRule.For(trials.Where(t => t.Numeric.ContainsKey(column)).Select(t => t.Numeric[column])));

    /// <summary>The category axis of family column <paramref name="column"/>: the families the trials used, in the
    /// order the spec language lists them.</summary>
    public static ChartAxis Family(string column, IEnumerable<TrialRun> trials) =>
        new(column, "", AxisScale.Category, Families(column, trials));

    /// <summary>The families of <paramref name="column"/>, known ones in spec order, then any other name alphabetically.</summary>
    public static IReadOnlyList<string> Families(string column, IEnumerable<TrialRun> trials)
    {
        var used = trials.Where(t => t.Families.ContainsKey(column)).Select(t => t.Families[column]).ToHashSet(StringComparer.Ordinal);
        var known = SpecNames.All<ScheduleFamily>();
        return known.Where(used.Contains).Concat(used.Except(known).Order(StringComparer.Ordinal)).ToArray();
    }

    private static string UnitOf(string column) =>
        column.StartsWith(BatchSizePrefix, StringComparison.Ordinal) && InExamples.Contains(column[BatchSizePrefix.Length..]) ? ExamplesUnit : "";
}
