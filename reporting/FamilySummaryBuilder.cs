// Builds the metric by schedule family: for each schedule target (learning rate, weight decay, batch size) and each
// family used for it, the statistics of the completed trials' metric, and the values to plot (all of them, or evenly
// spaced quantiles of them past the report's limit). It reads families from the trial specs and does not describe
// schedule parameters (the axes' words do that).
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Specs;

namespace SweepCluster.Reporting;

/// <summary>Aggregates completed trials by the family of each schedule.</summary>
internal static class FamilySummaryBuilder
{
    /// <summary>Targets in enum order, families in <see cref="ScheduleFamily"/> order; only families some trial uses.
    /// Statistics over every completed trial; at most <paramref name="plottedValues"/> values to plot.</summary>
    public static IReadOnlyList<FamilySummary> Build(IReadOnlyList<TrialEntry> entries, MetricRange range, int plottedValues) =>
        Enum.GetValues<ScheduleTarget>()
            .SelectMany(target => entries
                .GroupBy(e => FamilyOf(e.Configuration.Spec, target))
                .OrderBy(group => group.Key)
                .Select(group =>
                {
                    var values = group.Where(e => e.MetricValue is not null).Select(e => e.MetricValue!.Value).ToArray();
                    var plotted = values.Length > plottedValues ? EvenQuantiles.Of(values, plottedValues) : values;
                    return new FamilySummary(target, SpecNames.Of(group.Key), group.Count(), MetricStatistics.Of(values, range), plotted);
                }))
            .ToArray();

    private static ScheduleFamily FamilyOf(TrialSpec spec, ScheduleTarget target) => target switch
    {
        ScheduleTarget.LearningRate => spec.LearningRate.Family,
        ScheduleTarget.WeightDecay => spec.WeightDecay.Family,
        ScheduleTarget.BatchSize => spec.BatchSize.Family,
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };
}
