// What the TPE sampler returns for one suggestion index: the trial to run and the drawn value at each dimension it
// activated (what the coordinator stores and hands back as the trial's observation). Data only.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>One suggestion of <see cref="TpeSampler"/>.</summary>
/// <param name="Index">The suggestion index (the combination number).</param>
/// <param name="Values">The drawn value at each activated dimension, by dimension key (an alternative index or a number).</param>
/// <param name="Trial">The trial: combination <paramref name="Index"/>, bound with the sweep's first seed.</param>
/// <param name="Startup">True when the suggestion is a Sobol startup point rather than a TPE proposal.</param>
public sealed record TpeSuggestion(int Index, IReadOnlyDictionary<string, double> Values, TrialConfiguration Trial, bool Startup);
