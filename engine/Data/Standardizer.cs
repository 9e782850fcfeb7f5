// Per-feature standardization x' = (x − mean)/std with statistics from the training rows only, applied to training
// and validation alike. A feature whose std is negligible (constant on the training rows) keeps scale 1, so it is
// only centred instead of divided by zero.
// Deliberately does not: standardize targets, clip outliers, or modify datasets in place (it returns new ones that
// share the label/target arrays, which are read-only by contract).
namespace SweepCluster.Engine.Data;

/// <summary>Fitted per-feature shift and scale.</summary>
public sealed class Standardizer
{
    /// <summary>A std at or below this fraction of max(1, |mean|) counts as zero: the feature is constant.</summary>
    public const double NegligibleRelativeStd = 1e-12;

    private readonly double[] _mean;
    private readonly double[] _scale;

    private Standardizer(double[] mean, double[] scale)
    {
        _mean = mean;
        _scale = scale;
    }

    /// <summary>Per-feature value subtracted (the training mean).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Per-feature divisor: the training population std, or 1 for a constant feature.</summary>
    public IReadOnlyList<double> Scale => _scale;

    /// <summary>Fits mean and scale on <paramref name="training"/>'s inputs.</summary>
    /// <exception cref="ArgumentException">The dataset has no rows.</exception>
    public static Standardizer Fit(Dataset training)
    {
        var statistics = FeatureStatistics.Compute(training);
        var mean = statistics.Mean.ToArray();
        var scale = new double[mean.Length];
        for (var j = 0; j < scale.Length; j++)
        {
            var std = statistics.Std[j];
            scale[j] = std <= NegligibleRelativeStd * Math.Max(1.0, Math.Abs(mean[j])) ? 1.0 : std;
        }
        return new Standardizer(mean, scale);
    }

    /// <summary>Fits on <paramref name="train"/> and applies to both; validation may be null.</summary>
    public static (Dataset Train, Dataset? Validation) FitAndApply(Dataset train, Dataset? validation)
    {
        var standardizer = Fit(train);
        return (standardizer.Apply(train), validation is null ? null : standardizer.Apply(validation));
    }

    /// <summary>A new dataset with inputs (x − mean)/scale; labels and targets are shared unchanged.</summary>
    /// <exception cref="ArgumentException">The dataset has a different number of features than the fitted one.</exception>
    public Dataset Apply(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Features != _mean.Length)
            throw new ArgumentException($"dataset has {data.Features} features; the standardizer was fitted on {_mean.Length}", nameof(data));

        // inputs (Rows, Features) → standardized (Rows, Features)
        var features = data.Features;
        var source = data.Inputs;
        var standardized = new float[source.Length];
        for (var rowStart = 0; rowStart < source.Length; rowStart += features)
        {
            for (var j = 0; j < features; j++)
            {
                standardized[rowStart + j] = (float)((source[rowStart + j] - _mean[j]) / _scale[j]);
            }
        }
        return new Dataset(data.Name, data.Task, standardized, features, data.Labels, data.Targets, data.Outputs);
    }
}
