// An external trainer's checkpoint folder as one checkpoint blob, so that it is stored, moved to another silo and
// copied by population-based training exactly as the engine's checkpoints are: a tar archive of the folder's files
// whose first entry records the epochs done at the checkpoint. Restoring empties the folder and unpacks the archive.
using System.Formats.Tar;
using System.Text;

namespace SweepCluster.Grains.Trials.External;

public static class CheckpointArchive
{
    /// <summary>The entry that records the epoch; never a name the trainer's own files take (they sit under Files).</summary>
    private const string EpochEntry = "sweepcluster-epoch";

    /// <summary>The folder in the archive that holds the trainer's files.</summary>
    private const string Files = "files";

    /// <summary>The archive of <paramref name="directory"/> at <paramref name="epoch"/> epochs.</summary>
    public static byte[] Pack(string directory, int epoch)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            var marker = new PaxTarEntry(TarEntryType.RegularFile, EpochEntry)
            {
                DataStream = new MemoryStream(Encoding.ASCII.GetBytes(epoch.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            };
            tar.WriteEntry(marker);
            foreach (var path in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = $"{Files}/{Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')}";
                try
                {
                    tar.WriteEntry(path, name);
                }
                catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
                {
                    // Renamed or removed since it was listed: a trainer that does not wait for its reply writing its next
                    // checkpoint (a temporary file moved into place). What is left is the folder as it stands.
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Empties <paramref name="directory"/>, unpacks <paramref name="archive"/> into it and returns its epoch.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint archive.</exception>
    public static int Unpack(byte[] archive, string directory)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(directory);
        using var tar = new TarReader(new MemoryStream(archive));
        var epoch = ReadEpoch(tar);
        var root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        while (tar.GetNextEntry() is { } entry)
        {
            if (!entry.Name.StartsWith(Files + "/", StringComparison.Ordinal)) continue;
            var target = Path.GetFullPath(Path.Combine(directory, entry.Name[(Files.Length + 1)..]));
            if (!target.StartsWith(root, StringComparison.Ordinal)) throw new InvalidDataException($"checkpoint entry '{entry.Name}' leaves its folder");
            if (entry.EntryType == TarEntryType.Directory) Directory.CreateDirectory(target);
            else if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
            }
        }
        return epoch;
    }

    /// <summary>The epoch an archive records, without unpacking it.</summary>
    public static int EpochOf(byte[] archive)
    {
        using var tar = new TarReader(new MemoryStream(archive));
        return ReadEpoch(tar);
    }

    // The first entry: the epoch the archive was packed at.
    private static int ReadEpoch(TarReader tar)
    {
        var first = tar.GetNextEntry();
        if (first?.Name != EpochEntry || first.DataStream is null) throw new InvalidDataException("not an external trainer's checkpoint archive");
        using var reader = new StreamReader(first.DataStream, Encoding.ASCII);
        return int.Parse(reader.ReadToEnd(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
