// Submits sweep specs to a cluster and waits for them, for the cluster tests. A spec with data files is submitted as
// the CLI does it: its files read on this side, uploaded by hash, and named in the submission.
using SweepCluster.Abstractions;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Cluster.Tests;

public static class SweepDriver
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static async Task<ISweepCoordinatorGrain> SubmitAsync(IGrainFactory grains, string id, string yaml)
    {
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var result = await coordinator.SubmitAsync(new SweepSubmission(yaml, $"{id}.yaml", null, IsJson: false, AllowLarge: false));
        Assert.True(result.Outcome == SubmitOutcome.Created, string.Join("\n", result.Errors));
        return coordinator;
    }

    /// <summary>Submits the spec file <paramref name="specPath"/> as the CLI does: its data files are read here and
    /// uploaded first, and the submission carries only their hashes.</summary>
    public static async Task<ISweepCoordinatorGrain> SubmitFileAsync(IGrainFactory grains, string id, string specPath)
    {
        var result = await grains.GetGrain<ISweepCoordinatorGrain>(id).SubmitAsync(await UploadAsync(grains, specPath));
        Assert.True(result.Outcome == SubmitOutcome.Created, string.Join("\n", result.Errors));
        return grains.GetGrain<ISweepCoordinatorGrain>(id);
    }

    /// <summary>Reads the spec file and its data files, uploads the data, and returns the submission naming it.</summary>
    public static async Task<SweepSubmission> UploadAsync(IGrainFactory grains, string specPath) =>
        new(await File.ReadAllTextAsync(specPath), specPath, null, IsJson: false, AllowLarge: false,
            await UploadDataAsync(grains, SweepSpecLoader.Load(specPath)));

    /// <summary>Reads the spec's data files (unchecked: their content is the coordinator's to check), uploads them and
    /// returns what a submission says of them.</summary>
    /// <exception cref="Engine.Specs.SpecException">A data file cannot be read (refused on this side, as by the CLI).</exception>
    public static async Task<IReadOnlyList<SweepDataFile>> UploadDataAsync(IGrainFactory grains, SweepSpec spec)
    {
        var files = SweepDataFiles.Read(spec);
        foreach (var file in files) await DatasetTransfer.UploadAsync(grains, file.Content.Sha256, file.Content.Bytes);
        return files.Select(f => new SweepDataFile(f.Dataset, f.Content.Sha256, f.Content.Bytes.LongLength, f.FullPath)).ToArray();
    }

    public static async Task<SweepProgress> WaitAsync(ISweepCoordinatorGrain coordinator, Func<SweepProgress, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var progress = await TransientFailures.RetryAsync(coordinator.GetProgressAsync, DefaultTimeout);
            Assert.NotNull(progress);
            if (until(progress)) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"sweep did not get there in time: {progress.Status}, {string.Join(", ", progress.Counts)}");
            await Task.Delay(PollInterval);
        }
    }

    public static Task<SweepProgress> WaitForEndAsync(ISweepCoordinatorGrain coordinator) =>
        WaitAsync(coordinator, p => p.Status.IsTerminal() && p.Counts.Where(c => c.Key.IsTerminal()).Sum(c => c.Value) == p.TotalTrials);

    public static async Task<SweepReport> ReportAsync(ISweepCoordinatorGrain coordinator) =>
        (await TransientFailures.RetryAsync(coordinator.GetReportAsync, DefaultTimeout))!;
}
