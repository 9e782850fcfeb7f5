// What `sweep train` prints: a header describing the run, one line per epoch as it finishes, and a summary.
using System.Globalization;
using Spectre.Console;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Training;

namespace SweepCluster.Cli.Commands;

public static class TrainReport
{
    public static void Header(IAnsiConsole console, TrialSpec spec, TrainingData data, Trainer trainer)
    {
        var sizes = string.Join('-', trainer.Network.Layers.Select(l => l.FanIn).Append(data.Outputs));
        console.MarkupLineInterpolated(
            $"[bold]{spec.Dataset}[/] ({data.Task.ToString().ToLowerInvariant()}): {data.Train.Rows} training rows, {data.Validation?.Rows ?? 0} validation rows{HeldOutRows(data)}");
        console.MarkupLineInterpolated(
            $"network {sizes} {spec.Model.Activation.ToString().ToLowerInvariant()}, {trainer.Network.ParameterCount:N0} parameters, {spec.Optimizer.Type.ToString().ToLowerInvariant()}, {Plural.Of(spec.Epochs, "epoch")}, ~{trainer.TotalSteps:N0} steps");
        console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,7} {1,7} {2,10} {3,10} {4,8} {5,10} {6,9} {7,6}",
            "epoch", "step", "train_loss", "val_loss", MetricName(data.Task), "lr", "wd", "batch"));
    }

    public static void Epoch(IAnsiConsole console, EpochRecord r, int epochs) =>
        console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,7} {1,7} {2,10} {3,10} {4,8} {5,10} {6,9} {7,6}",
            $"{r.Epoch}/{epochs}", r.Step, TrainNumbers.Format(r.TrainLoss), TrainNumbers.Format(r.ValLoss), TrainNumbers.Format(r.ValMetric),
            TrainNumbers.Format(r.LearningRate), TrainNumbers.Format(r.WeightDecay), r.BatchSize));

    public static void Summary(IAnsiConsole console, TrainingResult result)
    {
        var final = result.Final;
        var table = new Table().AddColumns("outcome", "epochs", "train_loss", "val_loss", "val_metric");
        table.AddRow(
            result.Outcome.ToString(),
            result.History.Count.ToString(CultureInfo.InvariantCulture),
            TrainNumbers.Format(final?.TrainLoss),
            TrainNumbers.Format(final?.ValLoss),
            TrainNumbers.Format(final?.ValMetric));
        console.Write(table);
        if (result.Test is { } test) console.WriteLine(HeldOutLine(test));
        if (result.Message is { } message) console.MarkupLineInterpolated($"[yellow]{message}[/]");
    }

    /// <summary>The held-out test rows' evaluation, measured once on the final weights (never used by the run).</summary>
    public static string HeldOutLine(HeldOutEvaluation test)
    {
        // R² is measured for regression only, whose metric is the RMSE.
        var (metric, r2) = test.R2 is { } value ? ("rmse", $", r2 {TrainNumbers.Format(value)}") : ("accuracy", "");
        return $"held-out test ({test.Rows} rows, final weights; never used by the run): loss {TrainNumbers.Format(test.Loss)}, {metric} {TrainNumbers.Format(test.Metric)}{r2}";
    }

    private static string HeldOutRows(TrainingData data) => data.Test is { } test ? $", {test.Rows} held-out test rows" : "";

    private static string MetricName(TaskKind task) => task == TaskKind.Classification ? "val_acc" : "val_rmse";

}
