// What NSGA-II learns from: one completed trial's drawn values (by dimension key; only the dimensions its choices
// activated) and its objective vector. Only completed trials are observations (Optuna's NSGA-II uses COMPLETE trials
// only): pruned, failed and running trials have no final vector. Data only.
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>One completed trial as NSGA-II sees it.</summary>
/// <param name="TrialIndex">The suggestion index the trial was drawn at: its generation is TrialIndex / population size.</param>
/// <param name="Values">Its value at each dimension it activated, by dimension key (alternative index or number).</param>
/// <param name="Objectives">Its final objective values, in the order of the goals.</param>
public sealed record NsgaIIObservation(int TrialIndex, IReadOnlyDictionary<string, double> Values, ObjectiveVector Objectives);
