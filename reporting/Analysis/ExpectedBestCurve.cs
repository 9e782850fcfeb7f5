// The expected best metric as a function of the number of trials, as ExpectedBest computes it. It carries results only.
namespace SweepCluster.Reporting.Analysis;

/// <summary>The curve's points by ascending trial count, and how many finite trial values it was computed from.</summary>
public sealed record ExpectedBestCurve(IReadOnlyList<ExpectedBestPoint> Points, int TrialsUsed);
