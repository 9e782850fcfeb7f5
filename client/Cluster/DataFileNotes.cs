// What `sweep resume` and `sweep extend` tell a user whose data file is no longer what the sweep was submitted with: a
// sweep always trains on the copy of its data stored at submission (its results never mix two datasets), so an edited,
// moved or deleted file changes nothing, but the user who edited it should know that the edit is not used.
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;

namespace SweepCluster.Cli.Cluster;

public static class DataFileNotes
{
    /// <summary>One note per data file whose path on this machine now holds other content, or nothing.</summary>
    /// <param name="sha256At">The SHA-256 of the file at a path now; null when there is none.</param>
    public static IReadOnlyList<string> For(string sweepId, IReadOnlyList<SweepDataFile> files, Func<string, string?> sha256At)
    {
        var notes = new List<string>();
        foreach (var file in files)
        {
            var now = sha256At(file.SubmittedPath);
            if (now == file.Sha256) continue;
            notes.Add(now is null
                ? $"note: {file.SubmittedPath} is not there any more; sweep {sweepId} trains on the copy of {file.Dataset} stored when it " +
                  $"was submitted (SHA-256 {ContentHash.Short(file.Sha256)})"
                : $"note: {file.SubmittedPath} has changed since sweep {sweepId} was submitted (SHA-256 {ContentHash.Short(file.Sha256)}, now " +
                  $"{ContentHash.Short(now)}); the sweep trains on the copy stored then, so its results never mix two datasets. To train on " +
                  "the file as it is now, submit the spec as a new sweep");
        }
        return notes;
    }

    /// <summary>The SHA-256 of the file at <paramref name="path"/> on this machine; null when there is none or it cannot be read.</summary>
    public static string? Sha256OnThisMachine(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var stream = File.OpenRead(path);
            return ContentHash.Sha256Hex(stream);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
