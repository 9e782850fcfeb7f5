// Turns a spec's data settings into TrainingData: load (from a dataset source; the catalog caches it), carve the
// held-out test rows and then split validation rows by data_seed, standardise with the training rows' statistics. The prepared result is cached per process too, keyed by
// what the source says the data is (a built-in name, a full path, or a content hash), so trials that share data
// settings share one read-only copy instead of each holding their own; a copy nobody asked for in a while is let go.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Data;

namespace SweepCluster.Engine.Training;

public static class TrainingDataLoader
{
    private sealed record Key(string Identity, TaskKind? Task, int Targets, long DataSeed, double Validation, bool Standardize, double Test);

    /// <summary>How long prepared data nobody asked for is kept for the next trial.</summary>
    private static readonly TimeSpan Retention = TimeSpan.FromMinutes(1);

    private static readonly IdleReleasingCache<Key, TrainingData> Prepared = new(Retention);

    /// <summary>The prepared data of <paramref name="spec"/> from this machine; relative CSV paths resolve against
    /// <paramref name="baseDirectory"/> (null: the current directory).</summary>
    /// <exception cref="DataFormatException">The data file cannot be read.</exception>
    /// <exception cref="SpecException">The dataset name is unknown or does not fit the spec.</exception>
    public static TrainingData Load(TrialSpec spec, string? baseDirectory = null) => Load(spec, new LocalDatasets(baseDirectory));

    /// <summary>The prepared data of <paramref name="spec"/> from <paramref name="source"/>.</summary>
    /// <exception cref="DataFormatException">The data cannot be read.</exception>
    /// <exception cref="SpecException">The dataset is unknown, does not fit the spec, or the source cannot serve it.</exception>
    public static TrainingData Load(TrialSpec spec, IDatasetSource source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(source);
        var key = new Key(source.Identify(spec.Dataset), spec.Task, spec.Targets, spec.DataSeed, spec.Validation, spec.Standardize, spec.Test);
        return Prepared.GetOrAdd(key, k => Prepare(k, spec.Dataset, source));
    }

    private static TrainingData Prepare(Key key, string dataset, IDatasetSource source)
    {
        var data = source.Load(dataset, new DatasetRequest(key.Task, key.Targets, key.DataSeed));
        var (remaining, test) = HeldOutSplit.Carve(data, key.Test, key.DataSeed);
        var (train, validation) = DataSplit.Split(remaining, HeldOutSplit.ValidationShareOfRest(key.Validation, key.Test), key.DataSeed);
        if (key.Standardize)
        {
            var standardizer = Standardizer.Fit(train); // the training rows' statistics only
            (train, validation, test) = (standardizer.Apply(train), validation is null ? null : standardizer.Apply(validation),
                test is null ? null : standardizer.Apply(test));
        }
        var statistics = FeatureStatistics.Compute(train);
        var featureScale = statistics.MeanSquaredNorm > 0 ? train.Features / statistics.MeanSquaredNorm : 1.0;
        return new TrainingData(train, validation, data.Task, featureScale, test);
    }
}
