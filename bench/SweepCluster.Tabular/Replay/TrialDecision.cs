// What a scheduler answers at a trial's epoch boundary.
namespace SweepCluster.Tabular.Replay;

/// <summary>A scheduler's answer after an epoch: train on, or stop the trial here.</summary>
public enum TrialDecision { Continue, Stop }
