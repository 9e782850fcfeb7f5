// `sweep train TRIAL_SPEC`: runs one trial in this process and prints its per-epoch history and final metrics.
// Optional files: warm-start weights in, final weights and history out, and an epoch-boundary checkpoint to stop and
// resume a long run in another process with the same result bit for bit.
using System.CommandLine;
using Spectre.Console;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Model;
using SweepCluster.Engine.Specs;
using SweepCluster.Engine.Training;
using SweepCluster.Specs;

namespace SweepCluster.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var spec = new Argument<FileInfo>("TRIAL_SPEC") { Description = "A trial spec (.yaml, .yml or .json)." };
        var initWeights = new Option<FileInfo?>("--init-weights") { Description = "Start from these weights (JSON) instead of the seed's initialisation." };
        var saveWeights = new Option<FileInfo?>("--save-weights") { Description = "Write the final weights as JSON." };
        var history = new Option<FileInfo?>("--history") { Description = "Write the per-epoch history as CSV." };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "Write a resumable checkpoint here after every epoch." };
        var resume = new Option<FileInfo?>("--resume") { Description = "Continue from a checkpoint written by --checkpoint with the same spec." };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop once this many epochs are complete (resume later with --resume)." };
        var command = new Command("train", "Run one trial locally and print its per-epoch history.")
        {
            spec, initWeights, saveWeights, history, checkpoint, resume, stopAfter,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Run(
            AnsiConsole.Console,
            new TrainOptions(parse.GetValue(spec)!, parse.GetValue(initWeights), parse.GetValue(saveWeights), parse.GetValue(history),
                parse.GetValue(checkpoint), parse.GetValue(resume), parse.GetValue(stopAfter)),
            cancellation)));
        return command;
    }

    /// <summary>The files one `train` invocation reads and writes.</summary>
    public sealed record TrainOptions(
        FileInfo Spec,
        FileInfo? InitWeights = null,
        FileInfo? SaveWeights = null,
        FileInfo? History = null,
        FileInfo? Checkpoint = null,
        FileInfo? Resume = null,
        int? StopAfter = null);

    public static int Run(IAnsiConsole console, TrainOptions options, CancellationToken cancellation)
    {
        Trainer trainer;
        TrialSpec spec;
        try
        {
            (spec, trainer) = Prepare(console, options);
        }
        catch (SpecException error)
        {
            return InputErrors.Report(console, error.WithSource(options.Spec.FullName));
        }
        catch (Exception error) when (InputErrors.IsInputError(error))
        {
            return InputErrors.Report(console, error);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var result = trainer.Run(stop.Token, record =>
        {
            TrainReport.Epoch(console, record, spec.Epochs);
            if (options.Checkpoint is { } file) CheckpointFile.Write(file.FullName, trainer.Checkpoint());
            if (record.Epoch == options.StopAfter) stop.Cancel();
        });
        TrainReport.Summary(console, result);
        if (options.SaveWeights is { } weights) ModelWeightsFile.Write(weights.FullName, trainer.Network);
        if (options.History is { } historyFile)
        {
            using var writer = new StreamWriter(historyFile.FullName);
            HistoryCsv.Write(writer, result.History);
        }
        var interrupted = result.Outcome == TrialOutcome.Cancelled && cancellation.IsCancellationRequested;
        var stoppedOnRequest = result.Outcome == TrialOutcome.Cancelled && !interrupted && options.StopAfter is not null;
        if (stoppedOnRequest) console.MarkupLineInterpolated($"stopped after epoch {options.StopAfter}; continue with --resume {options.Checkpoint?.FullName ?? "<checkpoint>"}");
        if (interrupted) console.MarkupLineInterpolated($"[yellow]interrupted[/] after epoch {result.History.Count}; {ResumeAdvice(options)}");
        return result.Outcome switch
        {
            TrialOutcome.Completed => (int)ExitCode.Success,
            TrialOutcome.Diverged => (int)ExitCode.TrialDiverged,
            _ when stoppedOnRequest => (int)ExitCode.Success,
            _ => (int)ExitCode.Cancelled,
        };
    }

    /// <summary>How to go on after Ctrl+C: from the last epoch's checkpoint, or how to make the next run resumable.</summary>
    private static string ResumeAdvice(TrainOptions options) => options.Checkpoint is { } checkpoint
        ? $"continue with --resume {checkpoint.FullName} (from the checkpoint of the last complete epoch)"
        : "nothing to resume from: train with --checkpoint FILE to make a run resumable";

    private static (TrialSpec Spec, Trainer Trainer) Prepare(IAnsiConsole console, TrainOptions options)
    {
        if (options.Checkpoint is null && options.StopAfter is not null)
            throw new InvalidDataException("--stop-after needs --checkpoint FILE, or the stopped run could not be resumed");
        SpecKinds.Require(options.Spec.FullName, SpecKind.Trial);
        var loaded = TrialSpecLoader.Load(options.Spec.FullName);
        var spec = loaded.Spec;
        var data = TrainingDataLoader.Load(spec, loaded.BaseDirectory);
        var trainer = options.Resume is { } resume
            ? Trainer.Restore(spec, data, CheckpointFile.Read(resume.FullName))
            : new Trainer(spec, data);
        if (options.InitWeights is { } init)
        {
            if (options.Resume is not null) throw new InvalidDataException("--init-weights and --resume exclude each other: a checkpoint already holds the weights");
            ModelWeightsFile.ReadInto(init.FullName, trainer.Network);
        }
        TrainReport.Header(console, spec, data, trainer);
        return (spec, trainer);
    }
}
