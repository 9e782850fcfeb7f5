// Reads a sweep spec file for submission: validates it locally first (so errors come back at once, with exit code 2,
// without touching the cluster), reads and checks its data files (CSV format, and with checkData every trial against
// its data), and packs the text with the data files' hashes. UploadDataAsync then stores the data files' bytes in the
// cluster (once per content) before the submission names them: silos load them from there, never from a path.
using SweepCluster.Abstractions;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Memory;
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cli.Cluster;

/// <summary>A sweep spec read for submission.</summary>
/// <param name="Submission">What the coordinator gets.</param>
/// <param name="Spec">The validated spec.</param>
/// <param name="DataFiles">Its data files with their bytes, to upload before submitting.</param>
public sealed record SweepSpecFile(SweepSubmission Submission, SweepSpec Spec, IReadOnlyList<DataFile> DataFiles)
{
    /// <summary>Reads and validates a sweep spec and its data files.</summary>
    /// <param name="checkData">Also check every trial against its data here, built-ins included, and the largest against
    /// <paramref name="trialMemory"/> (a local run, or `validate`); otherwise only the data files are checked here (a
    /// remote cluster checks built-ins and its own memory budget).</param>
    /// <param name="trialMemory">With <paramref name="checkData"/>: the most one trial may take (its largest trial is
    /// refused over it); null: a silo's default on this machine (its memory divided by one slot per processor).</param>
    /// <exception cref="SpecException">The spec or its data is invalid; every error is listed.</exception>
    public static SweepSpecFile Read(string path, bool allowLarge, bool checkData, TrialMemoryBudget? trialMemory = null)
    {
        var full = Path.GetFullPath(path);
        SpecKinds.Require(full, SpecKind.Sweep);
        var spec = SweepSpecLoader.Load(full, allowLarge);
        var files = SweepDataFiles.Read(spec);
        var data = SweepDataFiles.Source(files); // the very bytes that will be sent
        var searcher = SearcherFactory.Create(spec);
        var errors = checkData
            ? SweepPreflight.Check(spec, searcher, trialMemory ?? new Hosting.SweepSiloOptions().EffectiveTrialMemory, data)
            : SweepPreflight.CheckDataFiles(spec, searcher, data);
        if (checkData) errors = [.. errors, .. TrainerSpecCheck.Check(spec, searcher)];
        if (errors.Count > 0) throw new SpecException(errors);
        var submission = new SweepSubmission(File.ReadAllText(full), full, BaseDirectory: null,
            IsJson: SpecDocument.FormatOf(full) == SpecFormat.Json, allowLarge,
            files.Select(file => new SweepDataFile(file.Dataset, file.Content.Sha256, file.Content.Bytes.LongLength, file.FullPath)).ToArray());
        return new SweepSpecFile(submission, spec, files);
    }

    /// <summary>Stores every data file in the cluster's storage, unless it holds the same content already.</summary>
    public async Task UploadDataAsync(IGrainFactory grains, CancellationToken cancellation)
    {
        foreach (var file in DataFiles) await DatasetTransfer.UploadAsync(grains, file.Content.Sha256, file.Content.Bytes, cancellation);
    }
}
