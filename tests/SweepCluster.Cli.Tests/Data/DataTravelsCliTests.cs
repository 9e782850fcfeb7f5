// A sweep's data file travels with it, through the CLI as separate processes: `sweep run` on a spec with a CSV is
// killed midway, the spec's folder is moved away, and `sweep resume` finishes the sweep from the copy in the store with
// the numbers of an uninterrupted run; `sweep extend` then trains more seeds on it, and `sweep replay` writes that copy
// beside the replay spec, from which `sweep train` runs. A spec naming /etc/passwd, or a CSV with a bad row, is refused
// by the client with exit code 2 before anything reaches a cluster.
using SweepCluster.Core;
using SweepCluster.Cli.Tests.Store;

namespace SweepCluster.Cli.Tests.Data;

public sealed class DataTravelsCliTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);
    private const int Trials = 24;

    // Long enough that the first run is still training when the test kills it: about 0.3 s a trial on one slot, 8 s in
    // all. (At 600 rows and hidden [64, 64] a trial took 0.04 s, and a run had finished every trial by the time the store
    // showed three.)
    private const int Rows = 6000;
    private const string Spec = """
        name: travels
        dataset: data/points.csv
        model: { hidden: [128, 128] }
        learning_rate: [0.01, 0.02, 0.03, 0.05, 0.08, 0.1]
        batch_size: 16
        seeds: [1, 2, 3, 4]
        epochs: 48
        checkpoint_every: 1
        """;

    private readonly TempDirectory _dir = new();

    // No silo answers on this port, so the commands fall back to the store under the working directory.
    private readonly string _noSiloPort = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string DefaultStore => Path.Combine(_dir.Path, "sweeps", "sweepcluster.db");

    private (int ExitCode, string Output) Sweep(params string[] arguments) => CliRunner.ProcessIn(_dir.Path, [.. arguments, "--gateway-port", _noSiloPort]);

    /// <summary>A spec folder with data/points.csv: <see cref="Rows"/> rows of 8 features and a 0/1/2 label.</summary>
    private string SpecFolder(string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Path, name)).FullName;
        Directory.CreateDirectory(Path.Combine(folder, "data"));
        var rows = Enumerable.Range(0, Rows).Select(i =>
            string.Join(",", Enumerable.Range(0, 8).Select(f => ((i * (f + 3) + f * f) % 17 * 0.25).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
            + $",{i % 3}");
        File.WriteAllText(Path.Combine(folder, "data", "points.csv"), "f0,f1,f2,f3,f4,f5,f6,f7,label\n" + string.Join("\n", rows) + "\n");
        File.WriteAllText(Path.Combine(folder, "travels.yaml"), Spec);
        return folder;
    }

    [Fact]
    public async Task Resume_and_extend_after_the_data_folder_moved_train_on_the_stored_copy_and_replay_writes_it()
    {
        var source = SpecFolder("source");
        var original = await File.ReadAllBytesAsync(Path.Combine(source, "data", "points.csv"));
        using (var doomed = SweepProcess.Start(_dir.Path, "run", Path.Combine(source, "travels.yaml"), "--id", "moved", "--slots", "1", "-o", _dir.Path))
        {
            await SweepProcess.WaitForTrialsAsync(DefaultStore, "moved", TrialStatus.Completed, 3, Patience);
            doomed.Kill();
        }
        var (killed, _) = await SweepProcess.ReadRowsAsync(DefaultStore, "moved");
        Assert.Contains(killed, t => t.Status != TrialStatus.Completed);
        Directory.Move(source, Path.Combine(_dir.Path, "moved-away")); // the spec's path now names nothing

        var (exit, output) = Sweep("resume", "moved", "-o", _dir.Path);
        Assert.True(exit == 0, output);
        Assert.Contains("training here", output);
        Assert.Contains(Squeezed($"note: {Path.Combine(source, "data", "points.csv")} is not there any more; sweep moved trains on the copy of data/points.csv"),
            Squeezed(output));

        var clean = SpecFolder("clean");
        var cleanStore = Path.Combine(_dir.Path, "clean.db");
        var (exitClean, outputClean) = CliRunner.ProcessIn(_dir.Path, "run", Path.Combine(clean, "travels.yaml"), "--id", "clean", "--slots", "1",
            "-o", _dir.Path, "--store", cleanStore);
        Assert.True(exitClean == 0, outputClean);
        var (trials, epochs) = await SweepProcess.ReadRowsAsync(DefaultStore, "moved");
        var (cleanTrials, cleanEpochs) = await SweepProcess.ReadRowsAsync(cleanStore, "clean");
        Assert.Equal(Enumerable.Range(0, Trials), trials.Select(t => t.Trial));
        Assert.All(trials, t => Assert.Equal(TrialStatus.Completed, t.Status));
        Assert.Equal(cleanEpochs.Select(e => (e.Trial, e.Record)), epochs.Select(e => (e.Trial, e.Record))); // digit for digit

        var (extendExit, extendOutput) = Sweep("extend", "moved", "--seeds", "5", "-o", _dir.Path);
        Assert.True(extendExit == 0, extendOutput);
        var (extended, _) = await SweepProcess.ReadRowsAsync(DefaultStore, "moved");
        Assert.Equal(Trials + 6, extended.Count(t => t.Status == TrialStatus.Completed));

        var replay = Path.Combine(_dir.Path, "replay-3.yaml");
        var (replayExit, replayOutput) = Sweep("replay", "moved", "3", "-o", replay);
        Assert.True(replayExit == 0, replayOutput);
        Assert.Equal(original, await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "replay-3.data.csv")));
        Assert.Contains("dataset: replay-3.data.csv", await File.ReadAllTextAsync(replay));
        var (trainExit, trainOutput) = CliRunner.ProcessIn(_dir.Path, "train", replay);
        Assert.True(trainExit == 0, trainOutput);
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("run")]
    public void A_spec_naming_etc_passwd_is_refused_on_the_client_with_exit_code_two(string command)
    {
        var spec = _dir.File("passwd.yaml", "dataset: /etc/passwd\nepochs: 1\nseeds: [1]\n");
        var (exit, output) = command == "submit" ? Sweep("submit", spec) : CliRunner.ProcessIn(_dir.Path, "run", spec, "-o", _dir.Path);

        Assert.True(exit == 2, output);
        Assert.Contains(Squeezed("passwd.yaml:1: dataset: /etc/passwd: is not a .csv file"), Squeezed(output));
        Assert.DoesNotContain("root:", output);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "sweeps")), "nothing may be stored for refused input");
    }

    [Fact]
    public void Submit_checks_the_csv_on_the_client_and_names_file_line_and_column()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "data"));
        _dir.File(Path.Combine("data", "bad.csv"), "x,y,label\n0.1,0.2,0\n0.3,abc,1\n");
        var spec = _dir.File("bad.yaml", "dataset: data/bad.csv\nepochs: 1\nbatch_size: 1\nseeds: [1]\n");

        var (exit, output) = Sweep("submit", spec);

        Assert.True(exit == 2, output);
        Assert.Contains(Squeezed("bad.yaml:1: dataset: data/bad.csv:3: column 2: \"abc\" is not a number; every cell must be a finite number"),
            Squeezed(output));
    }

    /// <summary>The text without white space: a process's console wraps long lines.</summary>
    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => _dir.Dispose();
}
