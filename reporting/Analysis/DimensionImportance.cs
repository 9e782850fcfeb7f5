// One dimension's share of the explained variance of the objective, as the importance analysis reports it. It carries
// a result only; FanovaImportance computes it.
namespace SweepCluster.Reporting.Analysis;

/// <summary>A dimension's importance: its main-effect share of the variance, normalised so all dimensions sum to 1.</summary>
public sealed record DimensionImportance(string Name, double Importance);
