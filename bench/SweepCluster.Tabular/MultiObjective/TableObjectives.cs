// The two objectives of the multi-objective measurement on the table: validation accuracy (maximised) and a full
// run's optimizer steps (minimised; steps per epoch = ⌈train rows / batch size⌉, so the batch-size schedule sets the
// cost and the front is a real trade-off). A trial is one configuration under one table seed.
//
// The steps objective is the cost of the whole run as planned, known before training (in a real sweep from the batch
// size schedule and the dataset's rows); the table records it per epoch, so it is read from there: the recorded steps
// of every epoch of the longest run of the configuration among the table's seeds, the last recorded epoch's steps
// repeated for epochs no seed reached (all seeds diverged). A rung's vector is (accuracy at the rung, planned steps):
// the cost is not projected from the steps so far, which would price a growing batch size at its first, smallest
// batch. A diverged run's accuracy is 0 from the epoch it diverged in on (the worst accuracy; the objectives must be
// finite). It does not decide promotions.
using SweepCluster.Core;
using SweepCluster.Tabular.Space;
using SweepCluster.Tabular.Table;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tabular.MultiObjective;

/// <summary>One configuration under one table seed.</summary>
public sealed record TableTrial(TableConfiguration Configuration, int Seed);

/// <summary>Accuracy and planned steps of a table's trials.</summary>
public static class TableObjectives
{
    /// <summary>The goals of <see cref="Full"/> and <see cref="AtRung"/>: accuracy up, steps down.</summary>
    public static IReadOnlyList<MetricGoal> Goals { get; } = [MetricGoal.Maximize, MetricGoal.Minimize];

    /// <summary>The goal of accuracy alone (the single-objective baseline).</summary>
    public static IReadOnlyList<MetricGoal> AccuracyGoal { get; } = [MetricGoal.Maximize];

    /// <summary>The steps a full run of <paramref name="configuration"/> takes (all the table's epochs).</summary>
    public static double PlannedSteps(DatasetTable table, TableConfiguration configuration)
    {
        var longest = table.Metadata.Seeds.Select(seed => table.Curve(configuration, seed)).MaxBy(c => c.Steps.Count)!;
        var recorded = longest.Steps.Sum(s => (double)s);
        return recorded + (table.Metadata.Epochs - longest.Steps.Count) * (double)longest.Steps[^1];
    }

    /// <summary>Validation accuracy after <paramref name="epoch"/> (1-based); 0 once the run has diverged.</summary>
    public static double Accuracy(DatasetTable table, TableTrial trial, int epoch) =>
        table.Lookup(trial.Configuration, trial.Seed, epoch) ?? 0;

    /// <summary>The best validation accuracy of epochs 1 through <paramref name="epoch"/>; 0 once the run has diverged
    /// (a diverged run cannot go on, so its earlier best must not take a promotion).</summary>
    public static double BestAccuracy(DatasetTable table, TableTrial trial, int epoch)
    {
        var curve = table.Curve(trial.Configuration, trial.Seed);
        return curve.End == CurveEnd.Diverged && epoch >= curve.Epochs ? 0 : Enumerable.Range(1, epoch).Max(e => Accuracy(table, trial, e));
    }

    /// <summary>The epochs a trial trains when it is run to <paramref name="epoch"/>: fewer when it diverges first.</summary>
    public static int EpochsTrained(DatasetTable table, TableTrial trial, int epoch) =>
        Math.Min(epoch, table.Curve(trial.Configuration, trial.Seed).Epochs);

    /// <summary>(final accuracy, planned steps).</summary>
    public static ObjectiveVector Full(DatasetTable table, TableTrial trial) => AtRung(table, trial, table.Metadata.Epochs);

    /// <summary>(accuracy after <paramref name="epoch"/>, planned steps of the full run).</summary>
    public static ObjectiveVector AtRung(DatasetTable table, TableTrial trial, int epoch) =>
        ObjectiveVector.Of(Accuracy(table, trial, epoch), PlannedSteps(table, trial.Configuration));
}
