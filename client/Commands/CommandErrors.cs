// One place that turns what can go wrong in a cluster command into a message and an exit code. Nothing escapes it as a
// stack trace: a failure nobody foresaw is one line naming its type, and exit code 1.
using SweepCluster.Abstractions;
using SweepCluster.Engine.Specs;
using SweepCluster.Hosting;
using SweepCluster.Store;
using Spectre.Console;

namespace SweepCluster.Cli.Commands;

public static class CommandErrors
{
    /// <summary>Runs <paramref name="body"/>, mapping refused input to 2 and an unreachable cluster to 1.</summary>
    public static async Task<int> GuardAsync(IAnsiConsole console, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (SpecException error)
        {
            return InputErrors.Report(console, error);
        }
        catch (Exception error) when (InputErrors.IsInputError(error) || error is UnknownSweepException or ClusterTargetException)
        {
            return InputErrors.Report(console, error);
        }
        catch (StoreException error)
        {
            // One line naming the store and the remedy; an unreachable server is like an unreachable cluster.
            console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            return error.Kind == StoreErrorKind.Unreachable ? (int)ExitCode.SweepFailed : (int)ExitCode.InvalidInput;
        }
        catch (ClusterUnavailableException error)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error.Message}");
            return (int)ExitCode.SweepFailed;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("[yellow]interrupted[/]");
            return (int)ExitCode.Cancelled;
        }
        catch (Exception error) when (TransientFailures.IsTransient(error))
        {
            // A call made without CallRetry (one that is not safe to repeat) met a failover.
            console.MarkupLineInterpolated($"[red]error:[/] the cluster did not answer ({ConnectAttempt.OneLine(error)}); a silo may have died: try again");
            return (int)ExitCode.SweepFailed;
        }
        catch (Exception error)
        {
            console.MarkupLineInterpolated($"[red]error:[/] unexpected {error.GetType().Name}: {ConnectAttempt.OneLine(error)}");
            return (int)ExitCode.SweepFailed;
        }
    }
}

/// <summary>No sweep has the given id (or the id itself is malformed).</summary>
public sealed class UnknownSweepException(string message) : Exception(message);

/// <summary>A flag's value cannot be used (e.g. its port is taken); the message names the flag. Exit code 2.</summary>
public sealed class InvalidFlagException(string message) : Exception(message);
