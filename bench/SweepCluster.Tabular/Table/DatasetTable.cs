// The curves of one dataset of the table, indexed for lookups: what a replayed trial observes and the true value a
// configuration is judged by.
using SweepCluster.Tabular.Space;

namespace SweepCluster.Tabular.Table;

/// <summary>
/// Every configuration's curves on one dataset. A configuration's <em>true</em> final metric is the mean over seeds of
/// its final metric (a diverged run counts 0); regret is measured against the best of those.
/// </summary>
public sealed class DatasetTable
{
    private readonly Dictionary<TableConfiguration, TableCurve[]> _curves;
    private readonly Dictionary<TableConfiguration, double> _trueFinal;

    /// <exception cref="ArgumentException">A configuration lacks a seed the table lists, or a curve is for another dataset.</exception>
    public DatasetTable(TableMetadata metadata, string dataset, IEnumerable<TableCurve> curves)
    {
        Metadata = metadata;
        Dataset = dataset;
        Space = metadata.Space();
        _curves = new Dictionary<TableConfiguration, TableCurve[]>();
        foreach (var curve in curves)
        {
            if (curve.Dataset != dataset) throw new ArgumentException($"a curve of {curve.Dataset} among {dataset}'s", nameof(curves));
            if (!_curves.TryGetValue(curve.Configuration, out var bySeed))
                _curves[curve.Configuration] = bySeed = new TableCurve[metadata.Seeds.Count];
            bySeed[SeedIndex(curve.Seed)] = curve;
        }
        foreach (var (configuration, bySeed) in _curves)
            if (bySeed.Any(c => c is null)) throw new ArgumentException($"{Space.Describe(configuration)} lacks a seed", nameof(curves));
        _trueFinal = _curves.ToDictionary(p => p.Key, p => p.Value.Average(c => c.Final));
        BestTrueFinal = _trueFinal.Values.Max();
    }

    public TableMetadata Metadata { get; }
    public string Dataset { get; }
    public TableSpace Space { get; }

    /// <summary>The configurations the table holds for this dataset.</summary>
    public IReadOnlyCollection<TableConfiguration> Configurations => _curves.Keys;

    /// <summary>The best true final metric of any configuration: the optimum regret is measured from.</summary>
    public double BestTrueFinal { get; }

    /// <summary>The recorded run of <paramref name="configuration"/> under <paramref name="seed"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table does not hold that configuration or seed.</exception>
    public TableCurve Curve(TableConfiguration configuration, int seed) =>
        _curves.TryGetValue(configuration, out var bySeed)
            ? bySeed[SeedIndex(seed)]
            : throw new KeyNotFoundException($"the table has no {Space.Describe(configuration)} on {Dataset}");

    /// <summary>The validation metric after epoch <paramref name="epoch"/> (1-based); null after the run diverged.</summary>
    public double? Lookup(TableConfiguration configuration, int seed, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(epoch, Metadata.Epochs);
        var curve = Curve(configuration, seed);
        return epoch <= curve.Epochs ? curve.Metric[epoch - 1] : null;
    }

    /// <summary>The mean over seeds of the configuration's final metric.</summary>
    public double TrueFinal(TableConfiguration configuration) => _trueFinal.TryGetValue(configuration, out var value)
        ? value
        : throw new KeyNotFoundException($"the table has no {Space.Describe(configuration)} on {Dataset}");

    private int SeedIndex(int seed)
    {
        for (var i = 0; i < Metadata.Seeds.Count; i++)
            if (Metadata.Seeds[i] == seed) return i;
        throw new KeyNotFoundException($"the table has no seed {seed} (seeds: {string.Join(", ", Metadata.Seeds)})");
    }
}
