// The order of the ranking: which combination is better. It only compares; numbering ranks is the builder's job.
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting;

/// <summary>
/// Orders ranking rows best first:
/// 1. rows with a metric before rows without one (every seed was pruned, diverged, failed or is still pending);
/// 2. by mean metric according to the goal (larger first for maximize, smaller first for minimize);
/// 3. on equal means, more seeds with a metric first (the better-supported estimate);
/// 4. rows without a metric: those with a trial the scheduler pruned first, then those whose trials ran more epochs
///    (ASHA's survivors of later rungs before the trials it stopped at the first);
/// 5. then the lower combination number — so the order is total and deterministic.
/// </summary>
internal sealed class RankingOrder(MetricGoal goal) : IComparer<RankingRow>
{
    public int Compare(RankingRow? x, RankingRow? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);

        if (x.Metric is null != y.Metric is null) return x.Metric is null ? 1 : -1;
        if (x.Metric is { } mx && y.Metric is { } my)
        {
            var byMean = goal == MetricGoal.Maximize ? my.Mean.CompareTo(mx.Mean) : mx.Mean.CompareTo(my.Mean);
            if (byMean != 0) return byMean;
            var bySupport = my.Count.CompareTo(mx.Count);
            if (bySupport != 0) return bySupport;
        }
        else
        {
            var byPruned = (y.Pruned > 0).CompareTo(x.Pruned > 0);
            if (byPruned != 0) return byPruned;
            var byEpochs = (y.MeanEpochs ?? 0).CompareTo(x.MeanEpochs ?? 0);
            if (byEpochs != 0) return byEpochs;
        }
        return x.Combination.CompareTo(y.Combination);
    }
}
