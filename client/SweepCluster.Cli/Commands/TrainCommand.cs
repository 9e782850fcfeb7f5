// `sweep train TRIAL_SPEC`: runs one trial in this process and prints its per-epoch history and final metrics.
using System.CommandLine;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("TRIAL_SPEC") { Description = "A trial spec (.yaml, .yml or .json)." };
        var initWeights = new Option<FileInfo?>("--init-weights") { Description = "Start from these weights (JSON) instead of the seed's initialisation." };
        var saveWeights = new Option<FileInfo?>("--save-weights") { Description = "Write the final weights as JSON." };
        var history = new Option<FileInfo?>("--history") { Description = "Write the per-epoch history as CSV." };
        var command = new Command("train", "Run one trial locally and print its per-epoch history.") { spec, initWeights, saveWeights, history };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            AnsiConsole.Console,
            new TrainOptions(parse.GetValue(spec)!, parse.GetValue(initWeights), parse.GetValue(saveWeights), parse.GetValue(history)),
            cancellation)));
        return command;
    }

    /// <summary>The files one `train` invocation reads and writes.</summary>
    public sealed record TrainOptions(FileInfo Spec, FileInfo? InitWeights, FileInfo? SaveWeights, FileInfo? History);

    public static int Run(IAnsiConsole console, TrainOptions options, CancellationToken cancellation)
    {
        Trainer trainer;
        TrialSpec spec;
        try
        {
            var loaded = TrialSpecLoader.Load(options.Spec.FullName);
            spec = loaded.Spec;
            var data = TrainingDataLoader.Load(spec, loaded.BaseDirectory);
            trainer = new Trainer(spec, data);
            if (options.InitWeights is { } init) ModelWeightsFile.ReadInto(init.FullName, trainer.Network);
            TrainReport.Header(console, spec, data, trainer);
        }
        catch (Exception error) when (InputErrors.IsInputError(error))
        {
            return InputErrors.Report(console, error);
        }

        var result = trainer.Run(cancellation, record => TrainReport.Epoch(console, record, spec.Epochs));
        TrainReport.Summary(console, result);
        if (options.SaveWeights is { } weights) ModelWeightsFile.Write(weights.FullName, trainer.Network);
        if (options.History is { } historyFile)
        {
            using var writer = new StreamWriter(historyFile.FullName);
            HistoryCsv.Write(writer, result.History);
        }
        return result.Outcome switch
        {
            TrialOutcome.Completed => (int)ExitCode.Success,
            TrialOutcome.Diverged => (int)ExitCode.TrialDiverged,
            _ => (int)ExitCode.Cancelled,
        };
    }
}
