// Where TPE models a dimension: a log dimension in the logarithm of its values, everything else as drawn (a
// categorical one as its alternative index). Also says whether a dimension has only one possible value (TPE skips
// those, as Optuna skips `single()` distributions). Our `int` has no log form, so a log integer dimension (Optuna's
// discretised log-normal kernels) is not handled. It does not model anything.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search.Tpe;

/// <summary>Conversions between a dimension's values and TPE's internal representation.</summary>
internal static class TpeScale
{
    /// <summary>The grid spacing of an integer dimension's kernels (our <c>int</c> has step 1); 0 for a continuous one.</summary>
    public const double IntegerStep = 1.0;

    /// <summary>The internal representation of <paramref name="value"/>.</summary>
    public static double ToInternal(SpaceDimension dimension, double value) => dimension.Log ? Math.Log(value) : value;

    /// <summary>The value of internal representation <paramref name="x"/>.</summary>
    public static double FromInternal(SpaceDimension dimension, double x) => dimension.Log ? Math.Exp(x) : x;

    /// <summary>The internal lower bound.</summary>
    public static double Low(SpaceDimension dimension) => ToInternal(dimension, dimension.Low);

    /// <summary>The internal upper bound.</summary>
    public static double High(SpaceDimension dimension) => ToInternal(dimension, dimension.High);

    /// <summary>The kernels' grid spacing: 1 for an integer dimension, 0 for a real one.</summary>
    public static double Step(SpaceDimension dimension) => dimension.Kind == SpaceDimensionKind.Integer ? IntegerStep : 0;

    /// <summary>True when the dimension can take one value only.</summary>
    public static bool IsSingle(SpaceDimension dimension) => dimension.IsCategorical ? dimension.Alternatives <= 1 : dimension.Low >= dimension.High;
}
