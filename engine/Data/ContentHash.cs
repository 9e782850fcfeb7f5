// The content hash that names a data file everywhere in the cluster: SHA-256 in lower-case hex. One place for the
// format, so the client, the dataset grains and the silos' caches agree on what a key looks like.
using System.Security.Cryptography;

namespace SweepCluster.Engine.Data;

public static class ContentHash
{
    /// <summary>Hex digits of a SHA-256.</summary>
    public const int Sha256HexLength = 64;

    /// <summary>How many hex digits of a hash a message shows.</summary>
    public const int ShownDigits = 12;

    /// <summary>The SHA-256 of <paramref name="bytes"/> in lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The SHA-256 of what is left in <paramref name="stream"/>, in lower-case hex.</summary>
    public static string Sha256Hex(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    /// <summary>Whether <paramref name="text"/> is a SHA-256 as <see cref="Sha256Hex(ReadOnlySpan{byte})"/> writes it.</summary>
    public static bool IsSha256Hex(string? text) =>
        text is { Length: Sha256HexLength } && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>The first digits of a hash, for messages ("3f2a9c0d11be…").</summary>
    public static string Short(string sha256) => sha256.Length > ShownDigits ? sha256[..ShownDigits] + "…" : sha256;
}
