// What a sweep's data file held when the sweep started (its SHA-256), so that a resume or an extension that would
// train on a changed file, mixing results of two datasets in one report, is refused. Built-in datasets do not change
// and have none.
using System.Security.Cryptography;

namespace SweepCluster.Engine.Data;

/// <param name="Path">The data file's full path.</param>
/// <param name="Sha256">Its content's SHA-256 in lower-case hex; empty when the file does not exist.</param>
public sealed record DatasetFingerprint(string Path, string Sha256)
{
    /// <summary>How many hex digits of a hash a message shows.</summary>
    private const int ShownDigits = 12;

    /// <summary>The fingerprint of the dataset <paramref name="nameOrPath"/> now; null for a built-in dataset.</summary>
    public static DatasetFingerprint? Of(string nameOrPath, string? baseDirectory)
    {
        if (DatasetCatalog.FileOf(nameOrPath, baseDirectory) is not { } path) return null;
        if (!File.Exists(path)) return new DatasetFingerprint(path, "");
        using var stream = File.OpenRead(path);
        return new DatasetFingerprint(path, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    /// <summary>Why the file no longer is what <paramref name="recordedSha256"/> says it was; null when it is.</summary>
    public string? ChangeSince(string recordedSha256)
    {
        if (Sha256 == recordedSha256) return null;
        if (Sha256.Length == 0) return $"its data file {Path} is gone";
        return $"its data file {Path} has changed since it started (SHA-256 {Short(recordedSha256)}…, now {Short(Sha256)}…)";
    }

    private static string Short(string sha256) => sha256.Length > ShownDigits ? sha256[..ShownDigits] : sha256;
}
