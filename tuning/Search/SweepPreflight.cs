// Checks what a sweep needs from its data before it is accepted: every dataset loads (a missing CSV, a ragged row or a
// non-numeric cell is refused here, with its file, line and column), every trial fits its data (e.g. a batch size
// above the training set), and its largest trial fits the memory budget of one trial (TrialMemoryCheck; the feature,
// class and row counts come from the data as read, so a CSV's are as exact as a built-in's). Each distinct data
// setting is loaded once (and stays cached for the trials); the estimate is a few multiplications per layer.
// The data comes from a dataset source: on a silo, the sweep's own stored copy (SweepDatasets); on the client, the very
// bytes it is about to send. A client that submits to a remote cluster checks only its data files (the cluster checks
// built-ins and the memory budget of its own silos): CheckDataFiles.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

public static class SweepPreflight
{
    /// <summary>Every data problem of the sweep's trials (each distinct message once), and one refusal for its largest
    /// trial when that is over <paramref name="budget"/>; empty when all can run.</summary>
    public static IReadOnlyList<SpecError> Check(SweepSpec sweep, ISearcher searcher, TrialMemoryBudget budget, IDatasetSource data) =>
        Check(sweep, searcher, budget, data, _ => true);

    /// <summary>Every data problem of the trials that train on a data file (not a built-in dataset); no memory check.</summary>
    public static IReadOnlyList<SpecError> CheckDataFiles(SweepSpec sweep, ISearcher searcher, IDatasetSource data) =>
        Check(sweep, searcher, null, data, spec => !DatasetCatalog.IsBuiltIn(spec.Dataset));

    private static IReadOnlyList<SpecError> Check(SweepSpec sweep, ISearcher searcher, TrialMemoryBudget? budget, IDatasetSource source,
        Func<TrialSpec, bool> checks)
    {
        (TrialSpec Spec, TrialShape Shape, TrialMemoryEstimate Estimate)? largest = null;
        var errors = new List<SpecError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var data = new Dictionary<(string, TaskKind?, int, long, double, bool, double), TrainingData?>();
        void Add(SpecError error)
        {
            // Errors found against the data have no position yet: point them at the key in the sweep file.
            var located = error with { Source = sweep.Source, Line = error.Line ?? sweep.LineOf(error.Field) };
            if (seen.Add(located.ToString())) errors.Add(located);
        }

        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            var spec = searcher.Suggest(index).Spec;
            if (spec.Trainer is not null) continue; // the user's own program loads its own data
            if (!checks(spec)) continue;
            var key = (spec.Dataset, spec.Task, spec.Targets, spec.DataSeed, spec.Validation, spec.Standardize, spec.Test);
            if (!data.TryGetValue(key, out var trainingData))
            {
                trainingData = Load(spec, sweep, source, Add);
                data[key] = trainingData;
            }
            if (trainingData is null) continue;
            foreach (var error in TrialPreflight.Check(spec, trainingData, sweep.Source)) Add(error);
            var shape = TrialShape.Of(trainingData);
            var estimate = TrialMemoryEstimator.Estimate(spec, shape);
            if (largest is null || estimate.Total > largest.Value.Estimate.Total) largest = (spec, shape, estimate);
        }
        if (largest is { } big && budget is not null && TrialMemoryCheck.Check(big.Spec, big.Shape, big.Estimate, budget, sweep.Source) is { } tooLarge) Add(tooLarge);
        return errors;
    }

    private static TrainingData? Load(TrialSpec spec, SweepSpec sweep, IDatasetSource source, Action<SpecError> report)
    {
        try
        {
            return TrainingDataLoader.Load(spec, source);
        }
        catch (DataFormatException error)
        {
            report(new SpecError(sweep.Source, "dataset", null, error.Message));
        }
        catch (SpecException error)
        {
            foreach (var e in error.Errors) report(e);
        }
        return null;
    }
}
