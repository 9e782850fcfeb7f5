// Turns a spec's data settings into TrainingData: load (cached by the catalog), split by data_seed, standardise with
// the training rows' statistics. The prepared result is cached per process too, so trials that share data settings
// share one read-only copy instead of each holding their own.
using System.Collections.Concurrent;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Training;

public static class TrainingDataLoader
{
    private sealed record Key(string Dataset, string? BaseDirectory, TaskKind? Task, int Targets, long DataSeed, double Validation, bool Standardize);

    private static readonly ConcurrentDictionary<Key, Lazy<TrainingData>> Prepared = new();

    /// <summary>The prepared data of <paramref name="spec"/>; relative CSV paths resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="DataFormatException">The data file cannot be read.</exception>
    /// <exception cref="SpecException">The dataset name is unknown or does not fit the spec.</exception>
    public static TrainingData Load(TrialSpec spec, string? baseDirectory = null)
    {
        var key = new Key(spec.Dataset, baseDirectory, spec.Task, spec.Targets, spec.DataSeed, spec.Validation, spec.Standardize);
        var lazy = Prepared.GetOrAdd(key, k => new Lazy<TrainingData>(() => Prepare(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            Prepared.TryRemove(new KeyValuePair<Key, Lazy<TrainingData>>(key, lazy)); // a failed load is not cached
            throw;
        }
    }

    private static TrainingData Prepare(Key key)
    {
        var data = DatasetCatalog.Load(key.Dataset, new DatasetRequest(key.Task, key.Targets, key.DataSeed, key.BaseDirectory));
        var (train, validation) = DataSplit.Split(data, key.Validation, key.DataSeed);
        if (key.Standardize) (train, validation) = Standardizer.FitAndApply(train, validation);
        var statistics = FeatureStatistics.Compute(train);
        var featureScale = statistics.MeanSquaredNorm > 0 ? train.Features / statistics.MeanSquaredNorm : 1.0;
        return new TrainingData(train, validation, data.Task, featureScale);
    }
}
