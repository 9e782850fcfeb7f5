// Splits TPE's observations into the good ("below") and the bad ("above"), as Optuna's _split_trials does for one
// objective: the good count is default_gamma of the finished trials; completed trials fill it best score first, then
// pruned trials (latest step first, then best score); every other finished trial is bad, and so is every pending one
// (constant liar). Both sides come back in trial-index order (the weights ramp by age). It does not look at values.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>The good/bad split of observations.</summary>
internal static class TpeObservationSplit
{
    /// <summary>(good, bad) of <paramref name="observations"/>.</summary>
    public static (IReadOnlyList<TpeObservation> Good, IReadOnlyList<TpeObservation> Bad) Split(IReadOnlyList<TpeObservation> observations)
    {
        var finished = observations.Count(o => o.State != TpeTrialState.Pending);
        var goodLeft = TpeDefaults.GoodCount(finished);
        var good = new List<TpeObservation>();
        var bad = new List<TpeObservation>();
        foreach (var ranked in new[]
                 {
                     observations.Where(o => o.State == TpeTrialState.Completed).OrderBy(o => o.Score).ThenBy(o => o.TrialIndex),
                     observations.Where(o => o.State == TpeTrialState.Pruned).OrderByDescending(o => o.Step).ThenBy(o => o.Score).ThenBy(o => o.TrialIndex),
                 })
        {
            foreach (var observation in ranked)
            {
                if (goodLeft > 0)
                {
                    good.Add(observation);
                    goodLeft--;
                }
                else bad.Add(observation);
            }
        }
        bad.AddRange(observations.Where(o => o.State == TpeTrialState.Pending));
        return (good.OrderBy(o => o.TrialIndex).ToArray(), bad.OrderBy(o => o.TrialIndex).ToArray());
    }
}
