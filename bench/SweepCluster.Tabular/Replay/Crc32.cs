// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320, as zlib and Python's binascii.crc32), the hash Optuna's
// HyperbandPruner assigns brackets with. Bitwise and table-free: it hashes a few short strings per trial. Nothing else.
using System.Text;

namespace SweepCluster.Tabular.Replay;

/// <summary>The CRC-32 checksum of text.</summary>
public static class Crc32
{
    private const uint ReversedPolynomial = 0xEDB88320u;
    private const int BitsPerByte = 8;

    /// <summary>The CRC-32 of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static uint Of(string text)
    {
        var crc = uint.MaxValue;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            crc ^= b;
            for (var bit = 0; bit < BitsPerByte; bit++) crc = (crc & 1) != 0 ? (crc >> 1) ^ ReversedPolynomial : crc >> 1;
        }
        return ~crc;
    }
}
