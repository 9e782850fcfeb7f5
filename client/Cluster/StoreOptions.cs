// The `--store` flags, one definition for every command that runs an embedded silo or reads the study tables, and
// opening the store they name for reading (a SQLite file is read while a silo writes it; nothing is locked).
using System.CommandLine;
using SweepCluster.Cli.Commands;
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;

namespace SweepCluster.Cli.Cluster;

/// <summary>The store the command was given: the <c>--store</c> value and, for PostgreSQL, the connection file.</summary>
/// <param name="Store">A SQLite file's path, <c>memory</c> or <c>postgres</c>.</param>
/// <param name="ConnectionFile">With <c>postgres</c>: a file holding the Npgsql connection string.</param>
/// <param name="Explicit">Whether <c>--store</c> was on the command line (rather than its default).</param>
public sealed record StoreChoice(string Store, string? ConnectionFile = null, bool Explicit = true)
{
    /// <summary>Nothing on disk (what most tests use).</summary>
    public static StoreChoice Memory { get; } = new(StoreSelection.MemoryValue);

    /// <summary>Starts a silo in this process over this store; a setting it cannot use (a taken --http-port, a bad
    /// store value) is refused input.</summary>
    /// <param name="resumeRunningSweeps">Whether sweeps the store says were running go on (false: only the command's own).</param>
    public async Task<EmbeddedCluster> StartEmbeddedAsync(int slots, CancellationToken cancellation, int httpPort = 0, bool resumeRunningSweeps = true)
    {
        try
        {
            return await EmbeddedCluster.StartAsync(slots, cancellation, httpPort, Store, ConnectionFile, resumeRunningSweeps);
        }
        catch (ArgumentException error)
        {
            throw new InvalidFlagException(error.Message);
        }
    }

    /// <summary>The store's location.</summary>
    /// <exception cref="InvalidFlagException">A value that cannot be used (the message names the flag).</exception>
    public StoreSelection Select(string memoryName = "sweep")
    {
        try
        {
            return StoreSelection.From(new SweepSiloOptions { Store = Store, StoreConnectionFile = ConnectionFile }, Environment.GetEnvironmentVariable, memoryName);
        }
        catch (ArgumentException error)
        {
            throw new InvalidFlagException(error.Message);
        }
    }

    /// <summary>Opens the store only to read it: nothing is created, migrated or changed.</summary>
    /// <exception cref="InvalidFlagException">A value that cannot be used, or <c>--store memory</c> (it keeps nothing to read).</exception>
    /// <exception cref="StoreException">Missing, empty, foreign, corrupt, of another version, unreachable, ...</exception>
    public Task<StudyStore> OpenForReadingAsync(CancellationToken cancellationToken)
    {
        var selection = Select();
        if (selection.Kind == StoreKind.Memory)
            throw new InvalidFlagException("--store memory keeps nothing once its silo stops, so there is nothing to read: " +
                                           "name the SQLite file a silo or `sweep run` wrote (--store PATH) or use --store postgres");
        return StudyStore.OpenForReadingAsync(selection.Location, cancellationToken);
    }
}

public static class StoreOptions
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = $"The store: a SQLite file (default {StoreLocation.DefaultSqlitePath}), 'memory' (nothing kept), or 'postgres' " +
                      $"(connection string in {StoreSelection.ConnectionVariable} or --store-connection-file).",
        DefaultValueFactory = _ => StoreLocation.DefaultSqlitePath,
    };

    /// <summary>One flag for the connection string's file, whether it names the store or the cluster's membership table.</summary>
    public static Option<string> ConnectionFile => ClusterOptions.ConnectionFile;

    public static void AddTo(Command command)
    {
        command.Options.Add(Store);
        if (!command.Options.Contains(ConnectionFile)) command.Options.Add(ConnectionFile);
    }

    public static StoreChoice From(ParseResult parse) =>
        new(parse.GetValue(Store)!, parse.GetValue(ConnectionFile), parse.GetResult(Store) is { Implicit: false });
}
