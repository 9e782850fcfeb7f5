// Which trials a rung of multi-objective successive halving promotes (ParetoPromotion). Both rules rank the rung by
// front peeling (whole non-dominated fronts in rank order, the first front that does not fit cut by crowding
// distance); they differ in how many they promote and in what is never pruned:
//   - FrontPeeling promotes exactly ⌊n/η⌋ (Schmucker et al. 2021's rule with NSGA-II's tie-breaking): a trial on the
//     rung's Pareto front can be pruned when the front has more than ⌊n/η⌋ trials;
//   - FrontKeeping promotes every trial that no other trial at the rung ε-dominates, and fills up to ⌊n/η⌋ by front
//     peeling: max(⌊n/η⌋, |not ε-dominated|). With ε = 0 that set is the rung's Pareto front, so a trial is never
//     pruned while no other trial at its rung dominates it.
// Data only; ParetoPromotion applies it.
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>How many trials a rung promotes and which are never pruned.</summary>
public enum ParetoPromotionRule
{
    /// <summary>Exactly ⌊n/η⌋, by front peeling and crowding distance.</summary>
    FrontPeeling,

    /// <summary>max(⌊n/η⌋, |not ε-dominated|): every trial no other trial ε-dominates, filled up by front peeling.</summary>
    FrontKeeping,
}
