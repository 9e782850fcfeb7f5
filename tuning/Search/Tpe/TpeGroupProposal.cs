// TPE's proposal for one group of dimensions (one dimension when univariate): a Parzen estimator of the good trials
// l(x) and one of the bad trials g(x), each built from the trials that have every dimension of the group; 24
// candidates drawn from l; the candidate with the largest log l(x) − log g(x) wins (the first on a tie), as
// Optuna's _sample and _compare do. Single-valued dimensions take their only value. It does not split trials
// (TpeObservationSplit) or walk the space (TpeSampler).
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Proposes values for a group of dimensions.</summary>
internal static class TpeGroupProposal
{
    /// <summary>The proposed value (an alternative index or a number) of each dimension of <paramref name="group"/>, by key.</summary>
    public static IReadOnlyDictionary<string, double> Propose(IReadOnlyList<SpaceDimension> group, IReadOnlyList<TpeObservation> good,
        IReadOnlyList<TpeObservation> bad, TpeSettings settings, DeterministicRandom random)
    {
        var proposal = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var single in group.Where(TpeScale.IsSingle)) proposal[single.Key] = single.Low;
        var modelled = group.Where(dimension => !TpeScale.IsSingle(dimension)).ToArray();
        if (modelled.Length == 0) return proposal;

        var multivariate = settings.Mode == TpeMode.Multivariate;
        var below = new ParzenEstimator(modelled, Rows(modelled, good), multivariate, settings.PriorWeight);
        var above = new ParzenEstimator(modelled, Rows(modelled, bad), multivariate, settings.PriorWeight);
        var candidates = below.Sample(random, settings.EiCandidates);
        var logBelow = below.LogDensity(candidates);
        var logAbove = above.LogDensity(candidates);
        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (logBelow[i] - logAbove[i] > logBelow[best] - logAbove[best]) best = i;
        }
        for (var d = 0; d < modelled.Length; d++) proposal[modelled[d].Key] = TpeScale.FromInternal(modelled[d], candidates[best][d]);
        return proposal;
    }

    /// <summary>The internal values of the trials that have every dimension of the group, in trial order.</summary>
    private static double[][] Rows(IReadOnlyList<SpaceDimension> group, IReadOnlyList<TpeObservation> trials) =>
        trials
            .Where(trial => group.All(dimension => trial.Values.ContainsKey(dimension.Key)))
            .Select(trial => group.Select(dimension => TpeScale.ToInternal(dimension, trial.Values[dimension.Key])).ToArray())
            .ToArray();
}
