// The memory check: a trial over the budget is refused with the field that takes most of the memory, the estimate,
// the budget and what would fit; what it says would fit does fit.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Memory;

namespace SweepCluster.Engine.Tests.Memory;

public sealed class TrialMemoryCheckTests
{
    private static readonly TrialShape Digits = new(Features: 64, Outputs: 10, TrainRows: 1438, ValidationRows: 359, TaskKind.Classification);
    private static readonly TrialMemoryBudget Budget = TrialMemoryBudget.FromMegabytes(512);

    private static TrialSpec Spec(IReadOnlyList<int> hidden, int batch) =>
        new() { Model = new ModelSpec { Hidden = hidden }, Optimizer = new OptimizerSpec { Type = OptimizerKind.Adam }, BatchSize = ScheduleSpec.ConstantOf(batch) };

    [Fact]
    public void ATrialWithinTheBudgetPasses() => Assert.Null(TrialMemoryCheck.Check(Spec([64, 32], 32), Digits, Budget));

    [Fact]
    public void AWideModelIsRefusedOnModelHiddenWithTheEstimateTheBudgetAndAWidthThatFits()
    {
        var error = TrialMemoryCheck.Check(Spec([30_000_000], 32), Digits, Budget);

        Assert.NotNull(error);
        Assert.Equal(TrialMemoryCheck.HiddenField, error.Field);
        Assert.Contains("GB of memory", error.Message);
        Assert.Contains("budget of 512 MB", error.Message);
        Assert.Contains(TrialMemoryBudget.Flag, error.Message);
        var width = int.Parse(System.Text.RegularExpressions.Regex.Match(error.Message, @"layers of at most ([\d,]+)").Groups[1].Value,
            System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.CurrentCulture);
        Assert.Null(TrialMemoryCheck.Check(Spec([width], 32), Digits, Budget));
        Assert.NotNull(TrialMemoryCheck.Check(Spec([width + 1], 32), Digits, Budget));
    }

    [Fact]
    public void AHugeBatchIsRefusedOnBatchSize()
    {
        var rows = new TrialShape(Features: 4, Outputs: 3, TrainRows: 1_000_000, ValidationRows: 0, TaskKind.Classification);
        var error = TrialMemoryCheck.Check(Spec([4096], 1_000_000), rows, Budget);

        Assert.NotNull(error);
        Assert.Equal(TrialMemoryCheck.BatchSizeField, error.Field);
        Assert.Contains("batch_size (or its max) at most", error.Message);
    }

    [Fact]
    public void ASizeNearIntMaxIsRefusedWithoutOverflow()
    {
        var error = TrialMemoryCheck.Check(Spec([int.MaxValue, int.MaxValue], 32), Digits, Budget);
        Assert.NotNull(error);
        Assert.Contains("over 8,000,000 TB", error.Message);
    }

    [Fact]
    public void TheMachineShareIsNeverBelowTheFloor()
    {
        Assert.True(TrialMemoryBudget.ForMachine(slots: 1_000_000).Bytes >= TrialMemoryBudget.FloorBytes);
        Assert.Equal(3 * ByteCount.Megabyte, TrialMemoryBudget.Resolve(megabytes: 3, slots: 4).Bytes);
    }
}
