// Synchronous successive halving of a fixed set of trials on the table: every trial trains to the first rung; at each
// rung the promotion rule (ParetoPromotion on the rung's vectors, under the settings' rule and ε) keeps ⌊n/η⌋ of the
// n trials that got there (more under front keeping), which train on to the next rung; those left after the last rung train to the end. A trial that diverges stops where it
// diverged (its epochs so far are spent) and competes at later rungs with accuracy 0. Counts every epoch trained.
// Synchronous on purpose: the set of trials that finish then depends only on the trials, not on an arrival order, so
// the measurement is of the promotion rule alone. It does not draw trials or compare fronts.
using SweepCluster.Tabular.Table;
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tabular.MultiObjective;

/// <summary>What a halving run trained.</summary>
/// <param name="Finished">Indices (into the trials) of those trained to the last epoch, increasing.</param>
/// <param name="Epochs">Epochs trained over all trials.</param>
public sealed record HalvingOutcome(IReadOnlyList<int> Finished, long Epochs);

/// <summary>Synchronous successive halving on a table.</summary>
public static class SynchronousHalving
{
    /// <exception cref="ArgumentException">Rungs not increasing within [1, the table's epochs).</exception>
    public static HalvingOutcome Run(DatasetTable table, IReadOnlyList<TableTrial> trials, HalvingSettings settings)
    {
        Check(settings, table.Metadata.Epochs);
        var alive = Enumerable.Range(0, trials.Count).ToArray();
        var epochs = 0L;
        var trained = 0;
        foreach (var rung in settings.Rungs)
        {
            epochs += alive.Sum(t => (long)(TableObjectives.EpochsTrained(table, trials[t], rung) - TableObjectives.EpochsTrained(table, trials[t], trained)));
            trained = rung;
            var results = alive.Select(t => new RungResult(t, Vector(table, trials[t], rung, settings))).ToArray();
            var goals = settings.Rule == RungRule.Pareto ? TableObjectives.Goals : TableObjectives.AccuracyGoal;
            alive = ParetoPromotion.Promotable(results, goals, settings.Eta, settings.Promotion, settings.Epsilon).ToArray();
        }
        var last = table.Metadata.Epochs;
        epochs += alive.Sum(t => (long)(TableObjectives.EpochsTrained(table, trials[t], last) - TableObjectives.EpochsTrained(table, trials[t], trained)));
        return new HalvingOutcome(alive, epochs);
    }

    private static ObjectiveVector Vector(DatasetTable table, TableTrial trial, int rung, HalvingSettings settings)
    {
        var accuracy = settings.Accuracy == RungAccuracy.AtRung
            ? TableObjectives.Accuracy(table, trial, rung)
            : TableObjectives.BestAccuracy(table, trial, rung);
        return settings.Rule == RungRule.Pareto
            ? ObjectiveVector.Of(accuracy, TableObjectives.PlannedSteps(table, trial.Configuration))
            : ObjectiveVector.Of(accuracy);
    }

    private static void Check(HalvingSettings settings, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Eta, 2);
        for (var i = 0; i < settings.Rungs.Count; i++)
        {
            var rung = settings.Rungs[i];
            if (rung < 1 || rung >= epochs || (i > 0 && rung <= settings.Rungs[i - 1]))
                throw new ArgumentException($"rungs must increase within [1, {epochs}): {string.Join(",", settings.Rungs)}", nameof(settings));
        }
    }
}
