// A console on standard error, for what a command says about itself (progress, notes, interruptions) while its
// standard output carries only its result (`ID=$(sweep submit SPEC)`).
using Spectre.Console;

namespace SweepCluster.Cli;

public static class StandardError
{
    private static readonly Lazy<IAnsiConsole> Shared = new(() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }));

    public static IAnsiConsole Console => Shared.Value;
}
