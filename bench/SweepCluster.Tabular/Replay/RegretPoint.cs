// One point of a replay's regret curve, taken whenever a trial finishes.
namespace SweepCluster.Tabular.Replay;

/// <summary>The regret after <paramref name="Trials"/> finished trials and <paramref name="EpochsSpent"/> epochs, at simulated <paramref name="Time"/>.</summary>
/// <param name="Regret">The best true final metric of the table minus the true final metric of the incumbent.</param>
public sealed record RegretPoint(int Trials, long EpochsSpent, double Time, double Regret);
