// The plain parts of the external executor, without a cluster or a process: the trial file it writes, the checkpoint
// archive of a trainer's folder, the records it makes of a trainer's reports, and where a trainer runs.
using System.Formats.Tar;
using System.Text.Json.Nodes;
using SweepCluster.Abstractions;
using SweepCluster.Core.Specs;
using SweepCluster.External;
using SweepCluster.Grains.Trials.External;

namespace SweepCluster.Cluster.Tests.Trainers;

public sealed class ExternalTrialPartsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "trainer-parts-" + Guid.NewGuid().ToString("N"));

    public ExternalTrialPartsTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static TrialSpec Spec() => new()
    {
        Trainer = new ExternalTrainerSpec { Command = ["python3", "train.py"] },
        Params = new Dictionary<string, string> { ["width"] = "256", ["act"] = "\"gelu\"", ["on"] = "true", ["p"] = "0.25" },
        LearningRate = new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001, Warmup = 5 },
        WeightDecay = ScheduleSpec.ConstantOf(1e-4),
        BatchSize = new ScheduleSpec { Family = ScheduleFamily.Step, Initial = 32, Gamma = 2, StepSize = 2, Max = 128 },
        Epochs = 6,
        Seed = 3,
    };

    [Fact]
    public void The_trial_file_holds_every_field_of_the_protocol()
    {
        var assignment = new TrialAssignment("s-1", 7, Spec(), null, Attempt: 2, CheckpointEvery: 0, DecisionEpochs: [3, 1], Combination: 3);
        var json = JsonNode.Parse(TrialFileContent.Of(assignment, 3, resumeFromEpoch: 1, "/c"))!.AsObject();

        Assert.Equal(1, (int)json["protocol"]!);
        Assert.Equal("s-1", (string)json["sweep_id"]!);
        Assert.Equal((7, 3, 2, 3L, 6, 1), ((int)json["trial"]!, (int)json["combination"]!, (int)json["attempt"]!, (long)json["seed"]!, (int)json["epochs"]!, (int)json["resume_from_epoch"]!));
        Assert.Equal("/c", (string)json["checkpoint_dir"]!);
        Assert.Equal([1, 3], json["decision_epochs"]!.AsArray().Select(e => (int)e!));
        Assert.Equal("every_epoch", (string)json["replies"]!);
        var lr = json["learning_rate"]!.AsObject();
        Assert.Equal(("cosine", 0.1, 0.001, 5L, "step"), ((string)lr["schedule"]!, (double)lr["initial"]!, (double)lr["final"]!, (long)lr["warmup"]!, (string)lr["every"]!));
        var batch = json["batch_size"]!.AsObject();
        Assert.Equal(("step", 2.0, 2L, 128.0, "epoch"), ((string)batch["schedule"]!, (double)batch["gamma"]!, (long)batch["step_size"]!, (double)batch["max"]!, (string)batch["every"]!));
        var parameters = json["params"]!.AsObject();
        Assert.Equal(256, (int)parameters["width"]!);
        Assert.Equal("gelu", (string)parameters["act"]!);
        Assert.True((bool)parameters["on"]!);
        Assert.Equal(0.25, (double)parameters["p"]!);
    }

    [Fact]
    public void A_checkpoint_folder_round_trips_through_its_archive_and_a_restore_replaces_what_was_there()
    {
        var source = Path.Combine(_folder, "a");
        Directory.CreateDirectory(Path.Combine(source, "nested"));
        File.WriteAllBytes(Path.Combine(source, "model.pt"), [1, 2, 3, 255]);
        File.WriteAllText(Path.Combine(source, "nested", "state.json"), "{\"epoch\": 3}");
        var archive = CheckpointArchive.Pack(source, 3);

        var target = Path.Combine(_folder, "b");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.txt"), "from a later epoch");
        Assert.Equal(3, CheckpointArchive.Unpack(archive, target));
        Assert.Equal(3, CheckpointArchive.EpochOf(archive));
        Assert.Equal([1, 2, 3, 255], File.ReadAllBytes(Path.Combine(target, "model.pt")));
        Assert.Equal("{\"epoch\": 3}", File.ReadAllText(Path.Combine(target, "nested", "state.json")));
        Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
    }

    [Fact]
    public void An_archive_that_is_not_a_checkpoint_or_leaves_its_folder_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => CheckpointArchive.Unpack(new byte[1024], Path.Combine(_folder, "x")));
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "sweepcluster-epoch") { DataStream = new MemoryStream("1"u8.ToArray()) });
            tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "files/../../escape.txt") { DataStream = new MemoryStream("x"u8.ToArray()) });
        }
        Assert.Throws<InvalidDataException>(() => CheckpointArchive.Unpack(buffer.ToArray(), Path.Combine(_folder, "y")));
        Assert.False(File.Exists(Path.Combine(_folder, "escape.txt")));
    }

    [Fact]
    public void Reports_become_records_with_what_was_applied_or_else_the_schedule()
    {
        var spec = Spec() with { LearningRate = new ScheduleSpec { Family = ScheduleFamily.Exponential, Initial = 1, Gamma = 0.5 } };
        var records = new ExternalEpochRecords(spec, resumeFromEpoch: 0);
        var first = records.ToRecord(new EpochReport(1, new Dictionary<string, double?> { ["val_accuracy"] = 0.5, ["train_loss"] = 0.7, ["step"] = 2, ["f1"] = 0.4 }));
        Assert.Equal((1, 2L, 0.7, 0.5), (first.Epoch, first.Step, first.TrainLoss, first.ValMetric!.Value));
        Assert.Null(first.ValLoss);
        Assert.True(double.IsNaN(first.TrainMetric));
        Assert.Equal(1.0, first.LearningRate); // step clock, t = 0 at the first epoch's start
        Assert.Equal(32, first.BatchSize);     // epoch clock, epoch 1: t = 0
        var second = records.ToRecord(new EpochReport(2, new Dictionary<string, double?> { ["val_rmse"] = 0.3, ["step"] = 4 }));
        Assert.Equal(0.25, second.LearningRate); // 0.5^2: the two steps the epoch before reported
        Assert.Equal(0.3, second.ValMetric);
        records.Applied(new AppliedReport(0.01, 0.2, 64));
        var third = records.ToRecord(new EpochReport(3, new Dictionary<string, double?> { ["val_loss"] = 0.9 }));
        Assert.Equal((0.01, 0.2, 64), (third.LearningRate, third.WeightDecay, third.BatchSize));
        Assert.Equal(0.9, third.ValLoss);
    }

    [Fact]
    public void A_trainer_runs_in_its_workdir_relative_to_the_spec_files_folder()
    {
        Assert.Equal(Path.GetFullPath("/specs/scripts"), ExternalTrialExecutor.WorkingDirectory("scripts", "/specs"));
        Assert.Equal("/specs", ExternalTrialExecutor.WorkingDirectory(null, "/specs"));
        Assert.Equal("/abs", ExternalTrialExecutor.WorkingDirectory("/abs", "/specs"));
        Assert.NotEqual(ExternalTrialExecutor.WorkRootOf("127.0.0.1:11111@1"), ExternalTrialExecutor.WorkRootOf("127.0.0.1:11112@1"));
    }
}
