// The command that finishes an interrupted `sweep run` (or a `sweep resume` that trained here): `sweep resume ID`
// with the store it was kept in; a memory store keeps nothing, so there is nothing to resume.
using SweepCluster.Cli.Cluster;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Cli.Commands;

public static class ResumeHint
{
    /// <summary>"go on with: sweep resume ID --store PATH", or why it cannot be resumed.</summary>
    /// <param name="output">The report folder's parent; named with -o when it is not the default.</param>
    public static string For(string sweepId, StoreChoice store, DirectoryInfo output)
    {
        if (string.Equals(store.Store, StoreSelection.MemoryValue, StringComparison.OrdinalIgnoreCase))
            return $"the memory store keeps nothing: sweep {sweepId} cannot be resumed (a SQLite store, the default, would keep it)";
        var command = $"sweep resume {sweepId}";
        if (store.Explicit)
        {
            command += string.Equals(store.Store, StoreSelection.PostgresValue, StringComparison.OrdinalIgnoreCase)
                ? $" --store {StoreSelection.PostgresValue}"
                : $" --store {Quote(Path.GetFullPath(store.Store))}";
            if (store.ConnectionFile is { } file) command += $" --store-connection-file {Quote(Path.GetFullPath(file))}";
        }
        if (output.FullName != Path.GetFullPath(DefaultOutput)) command += $" -o {Quote(output.FullName)}";
        return store.Explicit ? $"go on with: {command}" : $"go on with: {command} (in this folder: its store is {Path.GetFullPath(store.Store)})";
    }

    /// <summary>The report folders' default parent, relative to the working directory.</summary>
    public const string DefaultOutput = "sweeps";

    private static string Quote(string path) => path.Contains(' ') ? $"'{path}'" : path;
}
