// Feeds the process's real SIGINT (Ctrl+C) and SIGTERM to an Interruption: the first cancels the command's token
// (System.CommandLine's own termination handling is turned off in Program: it would force an exit after a timeout
// while the embedded silo still stops); a second ends the process at once with exit code 130.
using System.Runtime.InteropServices;

namespace SweepCluster.Cli.Interrupts;

public sealed class InterruptSignals : IDisposable
{
    private readonly Interruption _interruption = new();
    private readonly PosixSignalRegistration[] _registrations;

    private InterruptSignals()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Starts listening; dispose to give the signals back to the runtime's default handling.</summary>
    public static InterruptSignals Register() => new();

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _interruption.Token;

    /// <summary>What the first Ctrl+C or SIGTERM prints at once, before the command has ended cleanly.</summary>
    public const string FirstRequestMessage = "stopping (Ctrl+C again exits at once)";

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the command decides how to end; never the runtime's default termination
        if (_interruption.Request() == InterruptAction.StopGracefully)
        {
            Console.Error.WriteLine(FirstRequestMessage);
            return;
        }
        Console.Error.WriteLine("interrupted again: exiting now");
        Console.Write(TerminalReset.ShowCursor); // a live progress display hides the cursor
        Environment.Exit((int)ExitCode.Cancelled);
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _interruption.Dispose();
    }
}
