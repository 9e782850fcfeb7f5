// A small run table with every kind of cell the writers meet: integers, reals that need every digit, text with a comma
// and a quote, null, NaN and an infinity.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Tests.Runs;

public static class RunTableSamples
{
    public static RunTable Mixed() => new(
        [
            new RunColumn("trial", RunValueType.Integer),
            new RunColumn("status", RunValueType.Text),
            new RunColumn("learning_rate.initial", RunValueType.Real),
            new RunColumn("model.hidden", RunValueType.Text),
            new RunColumn("best_metric", RunValueType.Real),
        ],
        [
            [0L, "completed", 0.1 + 0.2, "[64, 32]", 0.9625],
            [1L, "pruned", 1e-7, "say \"hi\"", null],
            [2L, "diverged", double.NaN, null, double.PositiveInfinity],
        ]);
}
