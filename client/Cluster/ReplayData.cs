// A replay spec of a trial that trained on a data file: the sweep's stored copy of that file is written beside the
// replay spec and the spec's `dataset:` names it, so `sweep train` reproduces the trial from exactly the data it saw,
// wherever the original file is now. A built-in dataset leaves the spec as it is.
using System.Text.RegularExpressions;
using SweepCluster.Abstractions;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Specs;

namespace SweepCluster.Cli.Cluster;

public static partial class ReplayData
{
    /// <summary>The data file name beside <paramref name="replayFile"/>: "replay-s1-3.yaml" → "replay-s1-3.data.csv".</summary>
    public static string DataFileFor(FileInfo replayFile) => Path.GetFileNameWithoutExtension(replayFile.Name) + ".data.csv";

    /// <summary>The data file (of <paramref name="files"/>) that the replay spec <paramref name="yaml"/> trains on; null for a built-in.</summary>
    public static SweepDataFile? UsedBy(string yaml, IReadOnlyList<SweepDataFile> files)
    {
        var dataset = TrialSpecLoader.Parse(yaml, SpecFormat.Yaml).Spec.Dataset;
        return files.FirstOrDefault(file => file.Dataset == dataset);
    }

    /// <summary><paramref name="yaml"/> with its <c>dataset:</c> line naming <paramref name="fileName"/> (a plain file name).</summary>
    public static string Pointing(string yaml, string fileName) => DatasetLine().Replace(yaml, $"dataset: {fileName}", 1);

    /// <summary>Writes the stored copy of <paramref name="file"/> beside <paramref name="replayFile"/>; returns the spec pointing at it.</summary>
    public static async Task<string> WriteBesideAsync(IGrainFactory grains, string yaml, SweepDataFile file, FileInfo replayFile, CancellationToken cancellation)
    {
        var name = DataFileFor(replayFile);
        var bytes = await DatasetTransfer.DownloadAsync(grains, file.Sha256, cancellation);
        await File.WriteAllBytesAsync(Path.Combine(replayFile.DirectoryName!, name), bytes, cancellation);
        return Pointing(yaml, name);
    }

    [GeneratedRegex("^dataset: .*$", RegexOptions.Multiline)]
    private static partial Regex DatasetLine();
}
