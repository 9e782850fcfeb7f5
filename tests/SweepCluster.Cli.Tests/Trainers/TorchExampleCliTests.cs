// The PyTorch examples as real processes: `sweep run` (an embedded silo, --store memory) on reduced copies of
// examples/fashion-mnist-torch-asha.yaml and -pbt.yaml, each trial a python3 process running the repository's
// examples/torch/train_mlp.py. ASHA: every trial completes or is pruned, history.csv holds each trial's reported epochs,
// and a completed trial's val_accuracy, epoch by epoch, is what the script reports when run alone without pauses (so
// pausing and resuming through the checkpoint folder changed nothing). PBT: exploits happen, and a trial's epoch after
// its last exploit went on from the donor's checkpoint (the step count) with the perturbed schedules (the "scale" key).
using System.Text.Json;
using static SweepCluster.Cli.Tests.Trainers.TorchExample;

namespace SweepCluster.Cli.Tests.Trainers;

public sealed class TorchExampleCliTests : IDisposable
{
    private const int Rows = 2000; // a tenth held out: 1800 training rows
    private const int TrainingRows = Rows - Rows / 10;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<string> RunAsync(string spec)
    {
        var output = Directory.CreateDirectory(Path.Combine(_dir.Path, "report")).FullName;
        var result = await Resilience.CliProcesses.RunAsync(_dir.Path, "run", spec, "--store", "memory", "-o", output);
        Assert.True(result.ExitCode == 0, result.ToString());
        return ReportFolder(output);
    }

    private static Dictionary<int, List<Dictionary<string, string>>> HistoryByTrial(string folder) =>
        Csv(Path.Combine(folder, "history.csv")).GroupBy(r => int.Parse(r["trial"], System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => Number(r["epoch"])).ToList());

    [Fact]
    public async Task Asha_on_the_torch_example_prunes_and_completes_with_the_accuracies_the_script_reports()
    {
        RequireTorch();
        var parameters = new Dictionary<string, object> { ["optimizer"] = "sgd", ["momentum"] = 0.9, ["hidden"] = 128, ["train_rows"] = Rows };
        var spec = Reduced(_dir.Path, "fashion-mnist-torch-asha.yaml", new Dictionary<string, string>
        {
            ["search"] = "search: { strategy: random, trials: 6, seed: 11 }",
            ["epochs"] = "epochs: 3",
            ["params"] = $"params: {{ optimizer: sgd, momentum: 0.9, hidden: 128, train_rows: {Rows} }}",
        });

        var folder = await RunAsync(spec);

        var trials = Csv(Path.Combine(folder, "trials.csv"));
        var history = HistoryByTrial(folder);
        Assert.Equal(6, trials.Count);
        Assert.All(trials, t => Assert.Contains(t["status"], new[] { "completed", "pruned" }));
        Assert.Contains(trials, t => t["status"] == "pruned");
        foreach (var trial in trials)
        {
            var epochs = history[(int)Number(trial["trial"])];
            Assert.Equal(Enumerable.Range(1, epochs.Count).Select(e => (double)e), epochs.Select(r => Number(r["epoch"])));
            Assert.Equal(Number(trial["epochs_run"]), epochs.Count);
            Assert.All(epochs, r => Assert.InRange(Number(r["val_metric"]), 0.0, 1.0));
            Assert.All(epochs, r => Assert.Equal(Number(r["epoch"]) * Math.Ceiling(TrainingRows / 128.0), Number(r["step"]))); // batch_size: 128
            Assert.All(epochs, r => Assert.True(Number(r["train_loss"]) > 0 && Number(r["val_loss"]) > 0));
            Assert.Equal(Number(trial["final_metric"]), Number(epochs[^1]["val_metric"]));
            Assert.Equal(Number(trial["best_metric"]), epochs.Max(r => Number(r["val_metric"])));
        }

        // The completed trial that went through the most attempts (paused at the rung, promoted later), run alone.
        var completed = trials.Where(t => t["status"] == "completed").OrderByDescending(t => Number(t["attempts"])).First();
        Assert.True(Number(completed["attempts"]) >= 2, "no completed trial was paused and resumed"); // trial 0 is: its rung had no other result yet
        var alone = RerunAlone(_dir.Path, completed, parameters, epochs: 3);
        var recorded = history[(int)Number(completed["trial"])].Select(r => Number(r["val_metric"])).ToArray();
        Assert.Equal(alone, recorded);
    }

    [Fact]
    public async Task Pbt_on_the_torch_example_exploits_and_the_copy_goes_on_from_the_donors_checkpoint_with_scaled_schedules()
    {
        RequireTorch();
        var spec = Reduced(_dir.Path, "fashion-mnist-torch-pbt.yaml", new Dictionary<string, string>
        {
            ["search"] = "search: { strategy: random, trials: 4, seed: 3 }",
            ["scheduler"] = "scheduler: { type: pbt, interval: 1, quantile: 0.25 }",
            ["epochs"] = "epochs: 2",
            ["params"] = $"params: {{ optimizer: adamw, hidden: 128, train_rows: {Rows} }}",
        });

        var folder = await RunAsync(spec);

        var trials = Csv(Path.Combine(folder, "trials.csv"));
        var history = HistoryByTrial(folder);
        Assert.Equal(4, trials.Count);
        Assert.All(trials, t => Assert.Equal("completed", t["status"]));
        Assert.All(history.Values, epochs => Assert.Equal(new[] { 1.0, 2.0 }, epochs.Select(r => Number(r["epoch"]))));
        Assert.Contains(trials, t => t["pbt_donor"].Length > 0);

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json")));
        var exploits = report.RootElement.GetProperty("exploits").EnumerateArray()
            .Select(e => (Trial: e.GetProperty("index").GetInt32(), Exploit: e.GetProperty("exploit"))).ToList();
        Assert.Contains(exploits, e => e.Exploit.GetProperty("epoch").GetInt32() == 1); // the bottom quarter copies at epoch 1
        // A trial's history up to its last exploit is its donor's line; the epoch after it is the trial's own again.
        var checkedCopies = 0;
        foreach (var (trial, exploit) in exploits.GroupBy(e => e.Trial).Select(g => g.MaxBy(e => e.Exploit.GetProperty("epoch").GetInt32())))
        {
            var epoch = exploit.GetProperty("epoch").GetInt32();
            if (epoch >= 2) continue; // nothing ran after it
            var (before, after) = (history[trial][epoch - 1], history[trial][epoch]);
            var learningRate = Number(before["learning_rate"]) * exploit.GetProperty("learning_rate_factor").GetDouble();
            var batch = Math.Round(Number(before["batch_size"]) * exploit.GetProperty("batch_size_factor").GetDouble(), MidpointRounding.ToEven);
            Assert.Equal(learningRate, Number(after["learning_rate"]), 1e-12 * learningRate);
            Assert.Equal(batch, Number(after["batch_size"]));
            Assert.Equal(Number(before["step"]) + Math.Ceiling(TrainingRows / batch), Number(after["step"])); // the donor's steps, then one epoch
            checkedCopies++;
        }
        Assert.True(checkedCopies > 0, "no exploit was followed by an epoch");
    }
}
