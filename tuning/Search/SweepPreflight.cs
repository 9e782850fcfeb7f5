// Checks what a sweep needs from its data before it is accepted: every dataset loads (a missing CSV, a ragged row or a
// non-numeric cell is refused here, with its file, line and column), every trial fits its data (e.g. a batch size
// above the training set), and its largest trial fits the memory budget of one trial (TrialMemoryCheck; the feature,
// class and row counts come from the data as read, so a CSV's are as exact as a built-in's). Each distinct data
// setting is loaded once (and stays cached for the trials); the estimate is a few multiplications per layer.
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
    public static IReadOnlyList<SpecError> Check(SweepSpec sweep, ISearcher searcher, TrialMemoryBudget budget)
    {
        (TrialSpec Spec, TrialShape Shape, TrialMemoryEstimate Estimate)? largest = null;
        var errors = new List<SpecError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var data = new Dictionary<(string, TaskKind?, int, long, double, bool), TrainingData?>();
        void Add(SpecError error)
        {
            // Errors found against the data have no position yet: point them at the key in the sweep file.
            var located = error with { Source = sweep.Source, Line = error.Line ?? sweep.LineOf(error.Field) };
            if (seen.Add(located.ToString())) errors.Add(located);
        }

        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            var spec = searcher.Suggest(index).Spec;
            var key = (spec.Dataset, spec.Task, spec.Targets, spec.DataSeed, spec.Validation, spec.Standardize);
            if (!data.TryGetValue(key, out var trainingData))
            {
                trainingData = Load(spec, sweep, Add);
                data[key] = trainingData;
            }
            if (trainingData is null) continue;
            foreach (var error in TrialPreflight.Check(spec, trainingData, sweep.Source)) Add(error);
            var shape = TrialShape.Of(trainingData);
            var estimate = TrialMemoryEstimator.Estimate(spec, shape);
            if (largest is null || estimate.Total > largest.Value.Estimate.Total) largest = (spec, shape, estimate);
        }
        if (largest is { } big && TrialMemoryCheck.Check(big.Spec, big.Shape, big.Estimate, budget, sweep.Source) is { } tooLarge) Add(tooLarge);
        return errors;
    }

    private static TrainingData? Load(TrialSpec spec, SweepSpec sweep, Action<SpecError> report)
    {
        try
        {
            return TrainingDataLoader.Load(spec, sweep.BaseDirectory);
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
