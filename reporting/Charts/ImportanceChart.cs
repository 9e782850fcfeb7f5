// Hyperparameter importance: fANOVA over the completed trials' searched hyperparameters (numeric columns, log-scaled
// where their axis is, and schedule families as categories), one bar each, largest first, with the share of the
// metric's variance the single-hyperparameter effects explain together. Builds the chart spec only; the Analysis
// computation fits the forest.
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Reporting.Analysis;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Reporting.Charts;

/// <summary>fANOVA importance of each searched hyperparameter.</summary>
internal static class ImportanceChart
{
    public const string Id = "chart-importance";

    private const double Percent = 100.0;

    /// <summary>Fewer completed trials than this get a warning in the note: a forest fitted to a handful of points says
    /// little (ASHA's few survivors, a small grid).</summary>
    public const int FewTrials = 20;

    private static readonly ChartAxis ImportanceAxis = new("importance", "% of the explained variance", AxisScale.Linear, Min: 0);

    /// <summary>Null with fewer than <see cref="FanovaImportance.MinTrials"/> completed trials or no hyperparameter that
    /// varies among them and every one of them has.</summary>
    public static XyChart? Of(TrialRuns runs, MetricSpec metric)
    {
        var completed = runs.Trials.Where(t => t.Status == TrialStatus.Completed && t.FinalMetric is not null).ToArray();
        if (completed.Length < FanovaImportance.MinTrials) return null;
        // Only what every completed trial has: a conditional hyperparameter (one schedule family's own) is left out, as
        // Optuna weighs only the parameters all its trials share.
        var numeric = HyperparameterAxes.Varying(runs.NumericColumns, completed).Where(c => completed.All(t => t.Numeric.ContainsKey(c))).ToArray();
        var families = HyperparameterAxes.VaryingFamilies(runs.FamilyColumns, completed).Where(c => completed.All(t => t.Families.ContainsKey(c))).ToArray();
        if (numeric.Length + families.Length == 0) return null;

        var categories = families.Select(c => HyperparameterAxes.Families(c, completed)).ToArray();
        var dimensions = numeric.Select(c => Dimension(c, completed))
            .Concat(families.Select((c, i) => ImportanceDimension.Categorical(c, categories[i].Count))).ToArray();
        // points: (trials, dimensions)
        var points = completed.Select(t => numeric.Select(c => t.Numeric[c])
            .Concat(families.Select((c, i) => (double)IndexOf(categories[i], t.Families[c]))).ToArray()).ToArray();
        var result = FanovaImportance.Evaluate(dimensions, points, completed.Select(t => t.FinalMetric!.Value).ToArray());

        var names = result.Importances.Select(i => i.Name).ToArray();
        var bars = result.Importances.Select((importance, i) => new ChartPoint(i, importance.Importance * Percent,
            string.Create(CultureInfo.InvariantCulture, $"{importance.Name}: {importance.Importance * Percent:0.0}%"))).ToArray();
        var forest = string.Create(CultureInfo.InvariantCulture,
            $"fANOVA on a random forest of {FanovaOptions.Default.Trees} trees over {result.TrialsUsed} completed trials");
        var share = string.Create(CultureInfo.InvariantCulture, $"{result.MainEffectShare * Percent:0}%");
        var note = $"How much of the variation of the final {ReportText.Name(metric.Name)} each searched hyperparameter explains on its own: " +
            $"{forest} (as Optuna's FanovaImportanceEvaluator; log-scaled values per decade, families as categories). Together these " +
            $"single effects explain {share} of the variance; the rest comes from combinations of hyperparameters. " +
            "Hyperparameters that not every completed trial has are left out." +
            (result.TrialsUsed < FewTrials
                ? string.Create(CultureInfo.InvariantCulture, $" Only {result.TrialsUsed} completed trials: read these bars as a rough guide.")
                : "");
        return new XyChart(Id, $"Hyperparameter importance for {ReportText.Name(metric.Name)} (fANOVA)", note,
            new ChartAxis("searched hyperparameter", "", AxisScale.Category, names), [ImportanceAxis],
            [new ChartSeries("importance", SeriesMark.Bar, ChartColors.Series(0), bars)]);
    }

    private static ImportanceDimension Dimension(string column, IReadOnlyCollection<TrialRun> trials)
    {
        var values = trials.Select(t => t.Numeric[column]).ToArray();
        var (low, high) = (values.Min(), values.Max());
        return HyperparameterAxes.Numeric(column, trials).Scale == AxisScale.Log
            ? ImportanceDimension.Log(column, low, high)
            : ImportanceDimension.Linear(column, low, high);
    }

    private static int IndexOf(IReadOnlyList<string> categories, string family)
    {
        for (var i = 0; i < categories.Count; i++) if (categories[i] == family) return i;
        throw new InvalidOperationException($"family '{family}' is not among the axis categories");
    }
}
