// `trainer-overhead` mode: what SweepCluster's protocol costs an external trainer, against the same trainer run alone
// (`python3 noop_trainer.py`, its trial file given, its output read and dropped), side by side in one run:
//   - per epoch report: one trial of --epochs E (default 2,000) epochs of bench/trainers/noop_trainer.py, which trains
//     nothing and reports every epoch at once; alone vs through the silo's external executor (each line parsed, made
//     into a record and handed on through the trial's progress channel, drained as the trial grain drains it);
//     (executor − alone) / E;
//   - per trial start: --trials T (default 40) one-epoch trials, one after the other; alone (T process starts) vs
//     through the executor (trial file, checkpoint folder, process start, the epoch's checkpoint archived) and vs a
//     whole sweep of them on an embedded silo with one slot (dispatch, storage, report on top); (x − alone) / T.
// --runs N repeats the round N times, rows alternating, and prints min / median / max.
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Core.Specs;
using SweepCluster.Grains.Trials;
using SweepCluster.Grains.Trials.External;
using SweepCluster.Hosting;
using static SweepCluster.Bench.ClusterBench;

namespace SweepCluster.Bench;

public static class TrainerOverheadBenchmark
{
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static int Run(string[] args)
    {
        var epochs = IntOption(args, "--epochs", 2000);
        var trials = IntOption(args, "--trials", 40);
        var runs = IntOption(args, "--runs", 3);
        PrintHeader("trainer-overhead", string.Join(' ', args));
        var work = Path.Combine(Path.GetTempPath(), $"trainer-overhead-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var rows = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            void Add(string row, double value) => (rows.TryGetValue(row, out var list) ? list : rows[row] = []).Add(value);
            for (var run = 0; run < runs; run++)
            {
                var alone = Alone(work, epochs, 1);
                var executor = ThroughExecutor(work, epochs, 1);
                Add("per epoch report, ms (executor − alone)", (executor - alone) / epochs * 1e3);
                Add("one trial of E epochs alone, s", alone);
                Add("the same through the executor, s", executor);

                var aloneStarts = Alone(work, 1, trials);
                var executorStarts = ThroughExecutor(work, 1, trials);
                var sweep = ThroughSweep(work, trials).GetAwaiter().GetResult();
                Add("per trial start, ms (executor − alone)", (executorStarts - aloneStarts) / trials * 1e3);
                Add("per trial start, ms (embedded sweep, 1 slot − alone)", (sweep - aloneStarts) / trials * 1e3);
                Add("T one-epoch trials alone, s", aloneStarts);
                Add("T one-epoch trials through the executor, s", executorStarts);
                Add("T one-epoch trials as a sweep, s", sweep);
                Console.WriteLine($"round {run + 1}: alone {alone:0.000} s, executor {executor:0.000} s ({epochs} epochs); " +
                    $"starts alone {aloneStarts:0.000} s, executor {executorStarts:0.000} s, sweep {sweep:0.000} s ({trials} trials)");
            }
            Console.WriteLine();
            Console.WriteLine($"{"",-55} {"min",10} {"median",10} {"max",10}");
            foreach (var (row, values) in rows)
            {
                var sorted = values.Order().ToArray();
                Console.WriteLine($"{row,-55} {sorted[0],10:0.000} {sorted[sorted.Length / 2],10:0.000} {sorted[^1],10:0.000}");
            }
            return 0;
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static string Script => Path.Combine(TorchProcess.RepositoryRoot(), "bench", "trainers", "noop_trainer.py");

    private static string ClientPath => Path.Combine(TorchProcess.RepositoryRoot(), "clients", "python");

    private static TrialSpec Spec(int epochs) => new()
    {
        Trainer = new ExternalTrainerSpec
        {
            Command = [Python, Script],
            Env = new Dictionary<string, string> { ["PYTHONPATH"] = ClientPath, ["PYTHONDONTWRITEBYTECODE"] = "1" },
        },
        Epochs = epochs,
    };

    // `count` runs of the script alone, one after the other: its trial file written once, its stdout read and dropped.
    private static double Alone(string work, int epochs, int count)
    {
        var assignment = new TrialAssignment("alone", 0, Spec(epochs), null, 1, 0);
        var trialFile = Path.Combine(work, "alone.json");
        Directory.CreateDirectory(Path.Combine(work, "alone-checkpoint"));
        File.WriteAllText(trialFile, TrialFileContent.Of(assignment, 0, 0, Path.Combine(work, "alone-checkpoint")));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(Script);
            start.Environment["SWEEPCLUSTER_TRIAL"] = trialFile;
            start.Environment["PYTHONPATH"] = ClientPath;
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            start.Environment["PYTHONUNBUFFERED"] = "1";
            using var process = Process.Start(start)!;
            while (process.StandardOutput.ReadLine() is not null) { }
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"the trainer alone exited {process.ExitCode}");
        }
        return clock.Elapsed.TotalSeconds;
    }

    // `count` trials through the silo's external executor, one after the other, their progress drained.
    private static double ThroughExecutor(string work, int epochs, int count)
    {
        var executor = new ExternalTrialExecutor(Path.Combine(work, "executor"));
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var assignment = new TrialAssignment("executor", i, Spec(epochs), null, 1, 0);
            var progress = Channel.CreateUnbounded<EpochProgress>();
            var drain = Task.Run(async () => { await foreach (var _ in progress.Reader.ReadAllAsync()) { } });
            var result = executor.Run(assignment, null!, null, progress.Writer, CancellationToken.None);
            drain.Wait();
            if (result.History.Count != epochs) throw new InvalidOperationException($"the executor recorded {result.History.Count} of {epochs} epochs");
        }
        return clock.Elapsed.TotalSeconds;
    }

    // A sweep of `trials` one-epoch trials of the script on an embedded silo with one slot, submission to report.
    private static async Task<double> ThroughSweep(string work, int trials)
    {
        var spec = Path.Combine(work, "noop-sweep.yaml");
        await File.WriteAllTextAsync(spec, $$"""
            name: noop
            search: { strategy: random, trials: {{trials}}, seed: 1 }
            metric: { name: val_accuracy, goal: maximize }
            trainer:
              command: ["{{Python}}", "{{Script}}"]
              env: { PYTHONPATH: "{{ClientPath}}", PYTHONDONTWRITEBYTECODE: "1" }
            learning_rate: { loguniform: [0.001, 0.1] }
            epochs: 1
            """);
        await using var cluster = await EmbeddedCluster.StartAsync(1, CancellationToken.None);
        var timed = await RunSweepAsync(cluster, spec, "noop");
        if (timed.Progress.Counts.GetValueOrDefault(Core.TrialStatus.Completed) != trials)
            throw new InvalidOperationException($"the sweep completed {string.Join(", ", timed.Progress.Counts)}");
        return timed.Seconds;
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
