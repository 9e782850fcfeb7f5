// What `sweep validate` shows about a valid sweep spec: the counts (combinations, seeds, trials), the metric, the
// axes with their value counts, and the first few combinations with the values they take. Returns data and plain
// text; it never prints.
using SweepCluster.Core.Specs;
using System.Globalization;
using System.Text;
using SweepCluster.Core;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

/// <summary>A summary of a sweep spec for people.</summary>
/// <param name="Name">The sweep's name.</param>
/// <param name="Strategy">Grid or random.</param>
/// <param name="Metric">The ranking metric.</param>
/// <param name="Combinations">Number of hyperparameter combinations.</param>
/// <param name="Seeds">The replicate seeds.</param>
/// <param name="TotalTrials">Combinations × seeds.</param>
/// <param name="Axes">The searched positions with their value counts.</param>
/// <param name="FirstCombinations">The first combinations, each as its first-seed trial.</param>
public sealed record SweepSpecSummary(
    string Name,
    SearchStrategy Strategy,
    MetricSpec Metric,
    int Combinations,
    IReadOnlyList<long> Seeds,
    int TotalTrials,
    IReadOnlyList<SweepAxis> Axes,
    IReadOnlyList<TrialConfiguration> FirstCombinations)
{
    private const string Indent = "  ";

    /// <summary>Summarises <paramref name="sweep"/>, expanding its first <paramref name="combinationsShown"/> combinations.</summary>
    public static SweepSpecSummary Describe(SweepSpec sweep, int combinationsShown = SweepLimits.DefaultSummaryCombinations)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentOutOfRangeException.ThrowIfNegative(combinationsShown);
        var searcher = SearcherFactory.Create(sweep);
        var first = Enumerable.Range(0, Math.Min(combinationsShown, sweep.Combinations))
            .Select(combination => searcher.Suggest(combination * sweep.Seeds.Count))
            .ToArray();
        return new SweepSpecSummary(sweep.Name, sweep.Strategy, sweep.Metric, sweep.Combinations, sweep.Seeds, sweep.TotalTrials, sweep.Axes, first);
    }

    /// <summary>The summary as lines of text, e.g. for the CLI.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        var seeds = string.Join(", ", Seeds.Select(seed => seed.ToString(CultureInfo.InvariantCulture)));
        text.Append(CultureInfo.InvariantCulture,
            $"sweep {Name}: {SpecNames.Of(Strategy)} search, {Combinations:N0} combinations × {Seeds.Count} seeds [{seeds}] = {TotalTrials:N0} trials\n");
        text.Append(CultureInfo.InvariantCulture, $"metric: {SpecNames.Of(Metric.Name)} ({SpecNames.Of(Metric.Goal)})\n");
        text.Append(Axes.Count == 0 ? "axes: none (one combination)\n" : "axes:\n");
        foreach (var axis in Axes)
        {
            var values = axis.ValueCount is { } count ? $"{count:N0} values" : "continuous";
            text.Append(CultureInfo.InvariantCulture, $"{Indent}{axis.Path}: {axis.Kind}, {values}\n");
        }
        if (FirstCombinations.Count > 0) text.Append(CultureInfo.InvariantCulture, $"first {FirstCombinations.Count} combinations:\n");
        foreach (var trial in FirstCombinations)
        {
            var axes = string.Join("  ", trial.Axes.Select(axis => $"{axis.Key}={axis.Value}"));
            text.Append(CultureInfo.InvariantCulture, $"{Indent}#{trial.Combination}  {axes}\n");
        }
        return text.ToString();
    }
}
