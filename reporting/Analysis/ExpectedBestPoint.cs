// One point of the expected-best-metric curve: after n trials, the expected best value and its standard deviation. It
// carries a result only; ExpectedBest computes it.
namespace SweepCluster.Reporting.Analysis;

/// <summary>The best of <paramref name="Trials"/> trials drawn from the sweep's results: its mean and standard deviation.</summary>
public sealed record ExpectedBestPoint(int Trials, double Expected, double StdDev);
