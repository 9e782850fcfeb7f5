// One searched dimension as the importance analysis sees it: its name, its scale and its range (bounds, or a number of
// categories). It only describes the space; it does not hold or check trial values.
namespace SweepCluster.Reporting.Analysis;

/// <summary>
/// A dimension of the search space: continuous over [<see cref="Low"/>, <see cref="High"/>] (linear or log scale), or
/// categorical with <see cref="Categories"/> choices given by index. Build it with <see cref="Linear"/>,
/// <see cref="Log"/> or <see cref="Categorical"/>.
/// </summary>
public sealed record ImportanceDimension
{
    private ImportanceDimension(string name, DimensionScale scale, double low, double high, int categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Scale = scale;
        Low = low;
        High = high;
        Categories = categories;
    }

    /// <summary>The dimension's name, as the report shows it.</summary>
    public string Name { get; }

    public DimensionScale Scale { get; }

    /// <summary>Continuous: the smallest value. Categorical: 0.</summary>
    public double Low { get; }

    /// <summary>Continuous: the largest value. Categorical: <see cref="Categories"/> − 1.</summary>
    public double High { get; }

    /// <summary>Categorical: the number of choices. Continuous: 0.</summary>
    public int Categories { get; }

    /// <summary>True when the dimension can take only one value: it explains nothing, its importance is 0.</summary>
    public bool IsSingleValued => Scale == DimensionScale.Categorical ? Categories == 1 : Low == High;

    /// <summary>A continuous dimension over [<paramref name="low"/>, <paramref name="high"/>], measured uniformly.</summary>
    public static ImportanceDimension Linear(string name, double low, double high)
    {
        RequireFiniteRange(low, high);
        return new ImportanceDimension(name, DimensionScale.Linear, low, high, 0);
    }

    /// <summary>A continuous dimension over [<paramref name="low"/>, <paramref name="high"/>], low &gt; 0, measured uniformly in log space.</summary>
    public static ImportanceDimension Log(string name, double low, double high)
    {
        RequireFiniteRange(low, high);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(low);
        return new ImportanceDimension(name, DimensionScale.Log, low, high, 0);
    }

    /// <summary>A categorical dimension with <paramref name="categories"/> choices, given by index 0 … categories − 1.</summary>
    public static ImportanceDimension Categorical(string name, int categories)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(categories, 1);
        return new ImportanceDimension(name, DimensionScale.Categorical, 0, categories - 1, categories);
    }

    private static void RequireFiniteRange(double low, double high)
    {
        if (!double.IsFinite(low)) throw new ArgumentOutOfRangeException(nameof(low), low, "the bound must be finite");
        if (!double.IsFinite(high)) throw new ArgumentOutOfRangeException(nameof(high), high, "the bound must be finite");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(low, high);
    }
}
