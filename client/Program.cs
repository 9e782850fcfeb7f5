using System.CommandLine;
using Spectre.Console;
using SweepCluster.Cli.Commands;
using SweepCluster.Cli.Interrupts;
using SweepCluster.Cli.Usage;

namespace SweepCluster.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Ours, not System.CommandLine's (ProcessTerminationTimeout = null): the first Ctrl+C or SIGTERM cancels the
        // command's token and the command ends cleanly; a second exits at once.
        using var signals = InterruptSignals.Register();
        // Written to a pipe or a file, no line is wrapped at a guessed width (Spectre assumes 80 columns there).
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Reporting.Terminal.TableRenderer.UnwrappedWidth;
        var parse = CreateRoot().Parse(args);
        if (UsageError.Describe(parse) is { } usage)
        {
            Console.Error.WriteLine($"error: {usage}");
            return (int)ExitCode.InvalidInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, signals.Token);
    }

    /// <summary>Every command of the CLI.</summary>
    public static RootCommand CreateRoot() =>
        new("SweepCluster: sweep the training dynamics of neural networks on an Orleans cluster.")
        {
            RunCommand.Create(),
            SubmitCommand.Create(),
            StatusCommand.CreateStatus(),
            StatusCommand.CreateWatch(),
            ReportCommand.Create(),
            CompareCommand.Create(),
            CancelCommand.CreateCancel(),
            ChangeCommand.CreateResume(),
            ChangeCommand.CreateExtend(),
            CancelCommand.CreateList(),
            DeleteCommand.Create(),
            TrialsCommand.Create(),
            ValidateCommand.Create(),
            TrainCommand.Create(),
            ReplayCommand.Create(),
            CertsCommand.Create(),
        };
}
