// The outcome of the fANOVA importance analysis: every dimension's importance, most important first, and how many
// trials it was computed from. It carries results only.
namespace SweepCluster.Reporting.Analysis;

/// <summary>Importances of every dimension given, sorted by importance descending, ties by name (ordinal).</summary>
/// <param name="Importances">One per dimension; they sum to 1, or are all 0 when nothing could be explained.</param>
/// <param name="TrialsUsed">Trials with a finite value and finite coordinates: the rows the forest was fitted on.</param>
/// <param name="MainEffectShare">The sum of the dimensions' variance fractions before normalisation: how much of the
/// forest's variance the main effects explain (near 1: additive; near 0: the objective is driven by interactions, and
/// the normalised importances then share out very little).</param>
public sealed record FanovaResult(IReadOnlyList<DimensionImportance> Importances, int TrialsUsed, double MainEffectShare);
