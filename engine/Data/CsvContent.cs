// A CSV dataset's bytes as they travel with a sweep: read once by the client from the path its spec names, stored in
// the cluster's grain storage once per content, and loaded by every silo from there by its SHA-256. Silos never open a
// path named in a spec; this record is all they know of a data file.
// Deliberately does not parse (DatasetCatalog.LoadContent does) or know where the bytes came from.
namespace SweepCluster.Engine.Data;

/// <param name="Sha256">The SHA-256 of <paramref name="Bytes"/>, 64 lower-case hex digits.</param>
/// <param name="Bytes">The file's content, exactly as read; callers must not modify it.</param>
public sealed record CsvContent(string Sha256, byte[] Bytes)
{
    /// <summary>Bytes in a mebibyte, for sizes in messages.</summary>
    public const long BytesPerMebibyte = 1024 * 1024;

    /// <summary>The largest data file a sweep may carry: every silo that trains on it holds it in memory.</summary>
    public const long MaxBytes = 256 * BytesPerMebibyte;

    /// <summary>The content of <paramref name="bytes"/>, hashed here.</summary>
    public static CsvContent Of(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new CsvContent(ContentHash.Sha256Hex(bytes), bytes);
    }

    /// <summary>"the limit of 256 MiB", for messages.</summary>
    public static string LimitText => $"the limit of {MaxBytes / BytesPerMebibyte} MiB";
}
