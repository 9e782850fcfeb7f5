// The sweep's memory check: only its largest trial is held against the budget of one trial, and it is refused once,
// at the line of the field to change, whatever the other combinations are.
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Tuning.Tests.Search;

public sealed class SweepPreflightMemoryTests
{
    private static readonly TrialMemoryBudget Budget = TrialMemoryBudget.FromMegabytes(256);

    private static SweepSpec Sweep(string hidden) => SweepSpecLoader.Parse($$"""
        dataset: iris
        seeds: [1, 2]
        learning_rate: [0.1, 0.01]
        model: { hidden: {{hidden}} }
        epochs: 1
        """, SpecFormat.Yaml, "memory.yaml");

    [Fact]
    public void ASweepOfSmallModelsPasses()
    {
        var sweep = Sweep("[[8], [64, 32]]");
        Assert.Empty(SweepPreflight.Check(sweep, SearcherFactory.Create(sweep), Budget, SweepDatasets.BuiltInsOnly));
    }

    [Fact]
    public void TheLargestTrialIsRefusedOnceAtTheModelLine()
    {
        var sweep = Sweep("[[8], [30000000], [20000000]]");

        var errors = SweepPreflight.Check(sweep, SearcherFactory.Create(sweep), Budget, SweepDatasets.BuiltInsOnly);

        var error = Assert.Single(errors);
        Assert.Equal(TrialMemoryCheck.HiddenField, error.Field);
        Assert.Equal(4, error.Line);
        Assert.Contains("budget of 256 MB", error.Message);
        Assert.Contains("what would fit", error.Message);
    }
}
