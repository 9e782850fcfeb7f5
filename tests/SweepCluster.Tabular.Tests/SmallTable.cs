// A tiny synthetic table for the tests: a conditional space of 2·3 + 3 = 9 configurations, 3 epochs, 2 seeds, with
// curves that rise linearly to a final accuracy set by the configuration; one configuration diverges under seed 2.
using SweepCluster.Tabular.Space;
using SweepCluster.Tabular.Table;

namespace SweepCluster.Tabular.Tests;

internal static class SmallTable
{
    public const int Epochs = 3;
    public static readonly IReadOnlyList<int> Seeds = [1, 2];

    public static readonly TableMetadata Metadata = new(TableMetadata.CurrentFormat, "test table", Epochs, Seeds, "accuracy", "steps",
        [new TableDataset("toy", 100, 20, [4])],
        [
            new TableDimension("family", DimensionScale.Categorical, ["a", "b"]),
            new TableDimension("a.x", DimensionScale.Log, ["0.1", "1"], "family", "a"),
            new TableDimension("lr", DimensionScale.Linear, ["1", "2", "3"]),
        ]);

    public static TableSpace Space => Metadata.Space();

    /// <summary>family=a, a.x=1, lr=3 under seed 2: diverges in epoch 2.</summary>
    public static readonly TableConfiguration Diverging = new([0, 1, 2]);

    public static IReadOnlyList<TableCurve> Curves() =>
        (from c in Space.Enumerate() from s in Seeds select Curve(c, s)).ToArray();

    public static DatasetTable Table() => new TabularTable(Metadata, Curves()).Dataset("toy");

    // Final accuracy grows with the configuration's index sum; seed 2 is a little worse; each epoch costs 10·lr steps.
    private static TableCurve Curve(TableConfiguration configuration, int seed)
    {
        var final = 0.5 + 0.05 * configuration.Choices.Sum() - 0.01 * (seed - 1);
        var steps = 10 * (configuration[2] + 1);
        if (configuration.Equals(Diverging) && seed == 2)
            return new TableCurve("toy", configuration, seed, CurveEnd.Diverged, [final / 3, 0], [1.0, double.NaN], [steps, steps]);
        var metric = Enumerable.Range(1, Epochs).Select(e => Math.Round(final * e / Epochs, 4)).ToArray();
        return new TableCurve("toy", configuration, seed, CurveEnd.Completed, metric, metric.Select(m => 1 - m).ToArray(), Enumerable.Repeat(steps, Epochs).ToArray());
    }
}
