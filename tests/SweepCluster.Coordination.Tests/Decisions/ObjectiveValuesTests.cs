// A multi-objective sweep's trial summaries carry every objective's value at the trial's last epoch, in the spec's
// order, set together with the sweep metric wherever it is set: reported epochs, an attempt's end, a trial adopted by a
// restored machine. A single-objective sweep's summaries carry none.
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

public sealed class ObjectiveValuesTests
{
    /// <summary>FIFO over a grid, three objectives: accuracy (the primary), steps and validation loss.</summary>
    private static readonly string ObjectivesGrid = Specs.With(Specs.FifoGrid, "objectives: [val_accuracy, steps, val_loss]");

    /// <summary>What MachineScript.Record holds at <paramref name="epoch"/> with <paramref name="metric"/>, in the spec's order.</summary>
    private static double[] Expected(int epoch, double metric)
    {
        var record = Record(epoch, metric);
        return [record.ValMetric!.Value, record.Step, record.ValLoss!.Value];
    }

    [Fact]
    public void ReportedEpochsSetTheObjectivesOfTheLastOneWithTheMetric()
    {
        var script = Started(ObjectivesGrid, Silo("a", 6));
        script.AnswerAll();
        script.Epochs(0, 1, 1, 2);
        Assert.Equal(Expected(2, 0.5), script[0].Objectives!.Value);
        Assert.Equal(0.5, script[0].LastMetric);
    }

    [Fact]
    public void AnAttemptsEndSetsTheObjectivesOfItsLastEpoch()
    {
        var script = Started(ObjectivesGrid, Silo("a", 6));
        script.AnswerAll();
        script.Epochs(1, 1, 1);
        script.End(1, 1, TrialStatus.Completed, 4, metric: 0.8);
        Assert.Equal(Expected(4, 0.8), script[1].Objectives!.Value);
        Assert.Equal(0.8, script[1].LastMetric);
    }

    [Fact]
    public void ATrialAdoptedByARestoredMachineTakesTheObjectivesOfTheEpochItReached()
    {
        var script = new MachineScript(ObjectivesGrid);
        script.Handle(new SweepStarted("grid", script.Now)); // stored with every trial queued; then started, unstored
        script.Restore(script.Machine.State, Silo("a", slots: 2));
        script.Tick();
        script.Reconciled((0, View(TrialStatus.Running, 1, 3, training: true, metric: 0.7)), (1, View(TrialStatus.Running, 1, 2, training: true, metric: 0.6)));
        Assert.Equal(Expected(3, 0.7), script[0].Objectives!.Value);
        Assert.Equal(Expected(2, 0.6), script[1].Objectives!.Value);
    }

    [Fact]
    public void TheObjectiveValuesReachTheReportsParetoFront()
    {
        var script = Started(ObjectivesGrid, Silo("a", 6));
        script.AnswerAll();
        // Every trial ends at epoch 4 (equal steps) with an accuracy that rises with its index: the last combination dominates.
        for (var trial = 0; trial < script.Plan.TotalTrials; trial++) script.End(trial, 1, TrialStatus.Completed, 4, metric: 0.5 + trial / 100.0);
        var report = Reporting.SweepReportBuilder.Build(SweepReportSource.Input("s", script.Machine));
        var front = report.ParetoFront!;
        Assert.Equal(script.Plan.Spec.Objectives, front.Objectives);
        Assert.Equal(script.Plan.Spec.Combinations, front.Compared);
        var top = Assert.Single(front.Rows);
        Assert.Equal((1, script.Plan.Spec.Combinations - 1), (top.Rank, top.Combination));
        Assert.Equal([0.545, 40, 0.455], top.Means.Select(m => Math.Round(m, 9)));
    }

    [Fact]
    public void ASingleObjectiveSweepKeepsNoObjectiveValues()
    {
        var script = Started(Specs.FifoGrid, Silo("a", 6));
        script.AnswerAll();
        script.Epochs(0, 1, 1);
        script.End(0, 1, TrialStatus.Completed, 4, metric: 0.8);
        Assert.Null(script[0].Objectives);
        Assert.Equal(0.8, script[0].LastMetric);
    }
}
