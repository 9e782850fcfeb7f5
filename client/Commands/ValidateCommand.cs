// `sweep validate SPEC`: checks a sweep spec without a cluster and prints how it expands, or every error.
using SweepCluster.Core;
using System.CommandLine;
using SweepCluster.Cli.Cluster;
using SweepCluster.Engine.Memory;
using SweepCluster.Hosting;
using SweepCluster.Tuning.Search;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class ValidateCommand
{
    private const int DefaultShown = 10;

    public static Command Create()
    {
        var spec = new Argument<FileInfo>("SPEC") { Description = "A sweep spec (.yaml, .yml or .json)." };
        var allowLarge = new Option<bool>("--allow-large") { Description = "Accept sweeps of more than 100,000 trials." };
        var show = new Option<int>("--show") { Description = "How many trials to list.", DefaultValueFactory = _ => DefaultShown };
        var trialMemory = new Option<long>(TrialMemoryBudget.Flag)
        {
            Description = "The most memory one trial may take, in MB (default: this machine's memory divided by one slot per processor, as a silo's).",
        };
        var command = new Command("validate", "Check a sweep spec and show the trials it expands to.") { spec, allowLarge, show, trialMemory };
        command.SetAction((parse, cancellation) => CommandErrors.GuardAsync(AnsiConsole.Console, () =>
            Task.FromResult(Run(AnsiConsole.Console, parse.GetValue(spec)!, parse.GetValue(allowLarge), parse.GetValue(show), parse.GetValue(trialMemory)))));
        return command;
    }

    /// <param name="trialMemoryMb">The budget of one trial in MB; 0: a silo's default on this machine.</param>
    public static int Run(IAnsiConsole console, FileInfo file, bool allowLarge, int show, long trialMemoryMb = 0)
    {
        if (show < 0) throw new InvalidFlagException($"--show must be 0 or more, got {show}");
        if (trialMemoryMb < 0) throw new InvalidFlagException($"{TrialMemoryBudget.Flag} must be 0 (this machine's share) or more, got {trialMemoryMb}");
        var budget = new SweepSiloOptions { TrialMemoryMb = trialMemoryMb }.EffectiveTrialMemory;
        var spec = SweepSpecFile.Read(file.FullName, allowLarge, checkData: true, budget).Spec;
        var searcher = SearcherFactory.Create(spec);
        console.MarkupLineInterpolated($"[green]valid[/]: sweep [bold]{spec.Name}[/], {Plural.Of(searcher.TotalTrials, "trial")} ({Plural.Of(spec.Combinations, "combination")} × {Plural.Of(spec.Seeds.Count, "seed")}), {spec.Strategy.ToString().ToLowerInvariant()} search");
        var table = new Table().AddColumns("trial", "combination", "seed", "hyperparameters");
        foreach (var index in Enumerable.Range(0, Math.Min(show, searcher.TotalTrials)))
        {
            var trial = searcher.Suggest(index);
            table.AddRow(trial.Index.ToString(), trial.Combination.ToString(), trial.Seed.ToString(),
                Markup.Escape(string.Join(", ", trial.Axes.Select(a => $"{a.Key}={a.Value}"))));
        }
        console.Write(table);
        if (searcher.TotalTrials > show) console.MarkupLineInterpolated($"… and {searcher.TotalTrials - show:N0} more");
        if (spec.Tpe is { } tpe)
            console.MarkupLineInterpolated($"TPE shows the combinations it suggests with no result in: the first {tpe.StartupTrials} (Sobol start points) run as shown; the rest are suggested from the results as they come in");
        if (spec.NsgaII is { } nsga)
            console.MarkupLineInterpolated($"NSGA-II shows the combinations it suggests with no result in: the first generation ({Plural.Of(nsga.PopulationSize, "combination")}) runs as shown; each later generation is bred from the completed results of the generations before it");
        return (int)ExitCode.Success;
    }
}
