// What TPE learns from: one trial's drawn values (by dimension key; only the dimensions its choices activated), its
// state and its score. Scores are minimised: the caller negates a metric to be maximised. Failed, diverged and
// cancelled trials are not observations (Optuna leaves them out too). It does not know the trial's spec.
namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Where a trial stands, as TPE sees it.</summary>
public enum TpeTrialState
{
    /// <summary>Finished; its score is final.</summary>
    Completed,

    /// <summary>Stopped early; its score is the last value it reported, at <see cref="TpeObservation.Step"/>.</summary>
    Pruned,

    /// <summary>Suggested and not finished: no score yet (with constant liar it counts as bad).</summary>
    Pending,
}

/// <summary>One trial as TPE sees it.</summary>
/// <param name="TrialIndex">The suggestion index the trial was drawn at: the canonical order of observations.</param>
/// <param name="Values">Its value at each dimension it activated, by dimension key (alternative index or number).</param>
/// <param name="State">Completed, pruned or pending.</param>
/// <param name="Score">Lower is better; ignored for a pending trial.</param>
/// <param name="Step">A pruned trial's step of its last value (pruned later ranks better); 0 otherwise.</param>
public sealed record TpeObservation(int TrialIndex, IReadOnlyDictionary<string, double> Values, TpeTrialState State, double Score = 0, int Step = 0)
{
    /// <summary>A trial that is running: a pending observation.</summary>
    public static TpeObservation Pending(int trialIndex, IReadOnlyDictionary<string, double> values) => new(trialIndex, values, TpeTrialState.Pending);
}
