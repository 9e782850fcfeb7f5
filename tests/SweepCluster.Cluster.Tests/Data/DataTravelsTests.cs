// A sweep's data file travels with it, on a three-silo TestingHost cluster: the spec's CSV lives in a temporary folder
// that is deleted right after the submission, and the sweep still completes on every silo with the results of training
// on that file's content; each silo fetched the file from the cluster's storage once, however many trials it ran; every
// trial's assignment carried the file's hash and no folder. A submission that names a path without sending its data
// (as a client other than the CLI could) is refused without any silo opening it, and data sent under a path trains on
// the data sent, never on the file at that path. Stored content is checked against its hash, sent once per content,
// and never changes once sealed.
using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Abstractions;
using SweepCluster.Abstractions.Datasets;
using SweepCluster.Core;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Datasets;
using SweepCluster.Grains.Trials;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cluster.Tests.Data;

/// <summary>The engine, remembering what every trial was given: its assignment and the kind of data source.</summary>
public sealed class DataWitnessExecutor : ITrialExecutor
{
    private readonly EngineTrialExecutor _engine = new();

    public ConcurrentBag<(TrialAssignment Assignment, Type Source)> Runs { get; } = [];

    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress,
        CancellationToken cancellation)
    {
        Runs.Add((assignment, data.GetType()));
        return _engine.Run(assignment, data, checkpoint, progress, cancellation);
    }
}

public sealed class DataTravelsTests : IAsyncLifetime
{
    private const int Silos = 3;
    private const string Spec = """
        name: travels
        dataset: data/points.csv
        model: { hidden: [6] }
        learning_rate: [0.02, 0.05, 0.1]
        batch_size: 8
        seeds: [1, 2, 3, 4]
        epochs: 3
        """;

    private readonly DataWitnessExecutor _executor = new();
    private TestClusterHandle _handle = null!;

    public async Task InitializeAsync() =>
        _handle = await TestClusterHandle.StartAsync(Silos, configure: services => services.AddSingleton<ITrialExecutor>(_executor));

    public async Task DisposeAsync() => await _handle.DisposeAsync();

    [Fact]
    public async Task ASweepWhoseDataFolderIsDeletedRightAfterSubmissionCompletesOnEverySiloFromTheStoredCopy()
    {
        var folder = Directory.CreateTempSubdirectory("sweepcluster-travels-");
        Directory.CreateDirectory(Path.Combine(folder.FullName, "data"));
        var csv = Points(rows: 60);
        await File.WriteAllBytesAsync(Path.Combine(folder.FullName, "data", "points.csv"), csv);
        var specPath = Path.Combine(folder.FullName, "travels.yaml");
        await File.WriteAllTextAsync(specPath, Spec);

        var coordinator = await SweepDriver.SubmitFileAsync(_handle.Grains, "travels", specPath);
        folder.Delete(recursive: true); // nothing of it is on any host any more
        var end = await SweepDriver.WaitForEndAsync(coordinator);

        var content = CsvContent.Of(csv);
        Assert.Equal((SweepStatus.Completed, 12), (end.Status, end.Count(TrialStatus.Completed)));
        var searcher = SearcherFactory.Create(SweepSpecLoader.Parse(Spec, SpecFormat.Yaml, "travels.yaml"));
        var expected = new SweepDatasets(new Dictionary<string, CsvContent> { ["data/points.csv"] = content });
        var silos = new HashSet<string>();
        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            var snapshot = await _handle.Grains.GetGrain<ITrialGrain>($"travels/{index}").GetSnapshotAsync();
            var spec = searcher.Suggest(index).Spec;
            Assert.Equal(new Trainer(spec, TrainingDataLoader.Load(spec, expected)).Run().History, snapshot.History); // bit for bit
            silos.Add(snapshot.Silo!);
        }
        Assert.Equal(Silos, silos.Count);

        // Every assignment named the data by hash only, and every silo fetched it from storage once.
        var runs = _executor.Runs.Where(r => r.Assignment.SweepId == "travels").ToArray();
        Assert.All(runs, run => Assert.Equal((content.Sha256, (string?)null, typeof(SweepDatasets)),
            (run.Assignment.DataSha256, run.Assignment.LegacyBaseDirectory, run.Source)));
        Assert.All(_handle.Cluster.Silos, silo => Assert.Equal(1, silo.SiloHost.Services.GetRequiredService<SiloDatasets>().Fetches));
        Assert.Equal(content.Bytes, await DatasetTransfer.DownloadAsync(_handle.Grains, content.Sha256));
    }

    [Fact]
    public async Task ASubmissionNamingAPathWithoutItsDataIsRefusedAndNoSiloOpensIt()
    {
        var result = await _handle.Grains.GetGrain<ISweepCoordinatorGrain>("passwd").SubmitAsync(new SweepSubmission(
            "dataset: /etc/passwd\nepochs: 1\nseeds: [1]\n", "passwd.yaml", "/", IsJson: false, AllowLarge: false));

        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("passwd.yaml:1: dataset: \"/etc/passwd\" came without its data: silos never open a file named in a spec", error);
        Assert.DoesNotContain("root", error); // nothing of the file's content
        Assert.Null(await _handle.Grains.GetGrain<ISweepCoordinatorGrain>("passwd").GetProgressAsync());
        Assert.DoesNotContain(_executor.Runs, r => r.Assignment.SweepId == "passwd");
    }

    [Fact]
    public async Task DataSentUnderAPathTrainsOnWhatWasSentNotOnTheFileAtThatPath()
    {
        var csv = Points(rows: 30);
        var content = CsvContent.Of(csv);
        await DatasetTransfer.UploadAsync(_handle.Grains, content.Sha256, csv);
        const string spec = "dataset: /etc/passwd\nmodel: { hidden: [4] }\nbatch_size: 8\nepochs: 2\nseeds: [1]\n";
        var coordinator = _handle.Grains.GetGrain<ISweepCoordinatorGrain>("sent-under-a-path");
        var result = await coordinator.SubmitAsync(new SweepSubmission(spec, "sent.yaml", null, IsJson: false, AllowLarge: false,
            [new SweepDataFile("/etc/passwd", content.Sha256, csv.LongLength, "/elsewhere/points.csv")]));
        Assert.True(result.Outcome == SubmitOutcome.Created, string.Join("\n", result.Errors));

        var end = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(1, end.Count(TrialStatus.Completed));
        var trial = SearcherFactory.Create(SweepSpecLoader.Parse(spec, SpecFormat.Yaml, "sent.yaml")).Suggest(0).Spec;
        var sent = new SweepDatasets(new Dictionary<string, CsvContent> { ["/etc/passwd"] = content });
        Assert.Equal(new Trainer(trial, TrainingDataLoader.Load(trial, sent)).Run().History,
            (await _handle.Grains.GetGrain<ITrialGrain>("sent-under-a-path/0").GetSnapshotAsync()).History);
    }

    [Fact]
    public async Task ResubmittingUnderTheSameIdIsTheSameSweepOnlyWithTheSameData()
    {
        var csv = Points(rows: 30);
        var edited = Points(rows: 31);
        await DatasetTransfer.UploadAsync(_handle.Grains, ContentHash.Sha256Hex(csv), csv);
        await DatasetTransfer.UploadAsync(_handle.Grains, ContentHash.Sha256Hex(edited), edited);
        const string spec = "dataset: points.csv\nmodel: { hidden: [4] }\nbatch_size: 8\nepochs: 1\nseeds: [1]\n";
        SweepSubmission With(byte[] data) => new(spec, "again.yaml", null, IsJson: false, AllowLarge: false,
            [new SweepDataFile("points.csv", ContentHash.Sha256Hex(data), data.LongLength, "/home/u/points.csv")]);
        var coordinator = _handle.Grains.GetGrain<ISweepCoordinatorGrain>("again");

        Assert.Equal(SubmitOutcome.Created, (await coordinator.SubmitAsync(With(csv))).Outcome);
        Assert.Equal(SubmitOutcome.AlreadyExists, (await coordinator.SubmitAsync(With(csv))).Outcome);
        var other = await coordinator.SubmitAsync(With(edited));
        Assert.Equal(SubmitOutcome.IdConflict, other.Outcome);
        Assert.Contains("is already used by this spec with other data", Assert.Single(other.Errors));
        await SweepDriver.WaitForEndAsync(coordinator);
    }

    [Fact]
    public async Task ContentThatDoesNotMatchItsHashIsNotStored()
    {
        var csv = Points(rows: 10);
        var wrongKey = ContentHash.Sha256Hex(Points(rows: 11));
        await _handle.Grains.GetGrain<IDatasetChunkGrain>(DatasetChunks.Key(wrongKey, 0)).PutAsync(csv);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => _handle.Grains.GetGrain<IDatasetGrain>(wrongKey).SealAsync(csv.LongLength));
        Assert.Contains("not the key", refused.Message);
        Assert.Null(await _handle.Grains.GetGrain<IDatasetGrain>(wrongKey).GetManifestAsync());
    }

    [Fact]
    public async Task ASealedDataFileNeverChangesAndIsStoredOnceForEverySweepThatSendsIt()
    {
        var csv = Points(rows: 20);
        var sha256 = ContentHash.Sha256Hex(csv);
        Assert.True(await DatasetTransfer.UploadAsync(_handle.Grains, sha256, csv));
        Assert.False(await DatasetTransfer.UploadAsync(_handle.Grains, sha256, csv)); // the same content again: not sent

        var overwrite = await Assert.ThrowsAnyAsync<Exception>(() =>
            _handle.Grains.GetGrain<IDatasetChunkGrain>(DatasetChunks.Key(sha256, 0)).PutAsync(Points(rows: 21)));
        Assert.Contains("belongs to a sealed data file", overwrite.Message);
        Assert.Equal(csv, await DatasetTransfer.DownloadAsync(_handle.Grains, sha256));
    }

    /// <summary>Two features and a 0/1 label, with a header: a small CSV that trains in milliseconds.</summary>
    private static byte[] Points(int rows) => System.Text.Encoding.UTF8.GetBytes(
        "x,y,label\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i % 7 * 0.3:0.0},{i % 5 * 0.2:0.0},{i % 2}\n")));
}
