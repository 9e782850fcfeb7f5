// What the NSGA-II sampler returns for one suggestion index: the trial to run, the drawn value at each dimension it
// activated (the observation's Values once it completes), its generation and how it was made. Data only.
namespace SweepCluster.Tuning.Search.MultiObjective;

/// <summary>One suggestion of <see cref="NsgaIISampler"/>.</summary>
/// <param name="Index">The suggestion index (the combination number).</param>
/// <param name="Generation">Index / population size.</param>
/// <param name="Values">The drawn value at each activated dimension, by dimension key.</param>
/// <param name="Trial">The trial: combination <paramref name="Index"/>, bound with the sweep's first seed.</param>
/// <param name="Parents">The trial indices of the parents it was bred from; empty for a random suggestion (generation 0,
/// or no completed trial of an earlier generation visible).</param>
public sealed record NsgaIISuggestion(int Index, int Generation, IReadOnlyDictionary<string, double> Values, TrialConfiguration Trial, IReadOnlyList<int> Parents);
