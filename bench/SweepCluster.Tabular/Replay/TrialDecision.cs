// What a scheduler answers at a trial's epoch boundary: core's TrialDecision without Pause (a replayed trial is never
// resumed), kept here so that this library needs no Orleans-serialised core types.
namespace SweepCluster.Tabular.Replay;

/// <summary>A scheduler's answer after an epoch: train on, or stop the trial here.</summary>
public enum TrialDecision { Continue, Stop }
