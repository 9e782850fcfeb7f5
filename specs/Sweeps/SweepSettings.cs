// The sweep-level settings as bound from the file, before the metric default (which needs the trials' task) is
// resolved. A plain data carrier between SweepSettingsBinder and SweepSpecLoader.
using SweepCluster.Core;

namespace SweepCluster.Specs.Sweeps;

/// <summary>Bound sweep-level keys.</summary>
/// <param name="MetricName">The metric's name, or null for the task's default.</param>
/// <param name="MetricGoal">The metric's goal, or null for the metric's default.</param>
/// <param name="Objectives">The objectives: entries in file order; null for a single-objective sweep.</param>
internal sealed record SweepSettings(
    string Name,
    SearchStrategy Strategy,
    int RandomTrials,
    long SearchSeed,
    MetricName? MetricName,
    MetricGoal? MetricGoal,
    int? MetricLine,
    IReadOnlyList<long> Seeds,
    int MaxConcurrent,
    int Retries,
    SchedulerSettings Scheduler,
    CheckpointPolicy Checkpoints,
    TpeSearchSettings? Tpe = null,
    IReadOnlyList<BoundObjective>? Objectives = null,
    NsgaIISearchSettings? NsgaII = null);
