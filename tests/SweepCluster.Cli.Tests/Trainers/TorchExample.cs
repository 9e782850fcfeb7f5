// The PyTorch examples (examples/fashion-mnist-torch-*.yaml) reduced for a test: a copy in a temporary folder whose
// search, scheduler, epochs, params and trainer lines are replaced (fewer trials, epochs and rows; the repository's
// examples/torch/train_mlp.py by absolute path), and the report folder's CSV files read back.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SweepCluster.Cli.Tests.Trainers;

public static class TorchExample
{
    /// <summary>Debian's python3, which has python3-torch; a python3 earlier on PATH (pyenv, a venv) may not.</summary>
    public static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static string Examples => Path.Combine(CliRunner.RepositoryRoot(), "examples");

    public static string Script => Path.Combine(Examples, "torch", "train_mlp.py");

    /// <summary>Fails with what to install unless <see cref="Python"/> imports torch and numpy.</summary>
    public static void RequireTorch()
    {
        var (exit, output) = RunPython(new Dictionary<string, string>(), "-c", "import torch, numpy");
        Assert.True(exit == 0, $"{Python} cannot import torch and numpy (run .ci/install-deps: python3-torch, python3-numpy): {output}");
    }

    /// <summary>examples/<paramref name="file"/> with each top-level line `key: ...` in <paramref name="lines"/> replaced, written into <paramref name="folder"/>.</summary>
    public static string Reduced(string folder, string file, IReadOnlyDictionary<string, string> lines)
    {
        var text = File.ReadAllLines(Path.Combine(Examples, file));
        var trainer = $"trainer: {{ command: [\"{Python}\", \"{Script}\"], workdir: \"{Examples}\", " +
                      "env: { OMP_NUM_THREADS: \"1\", PYTHONDONTWRITEBYTECODE: \"1\" } }";
        var replacements = new Dictionary<string, string>(lines) { ["trainer"] = trainer };
        foreach (var (key, line) in replacements)
        {
            var index = Array.FindIndex(text, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            Assert.True(index >= 0, $"examples/{file} has no top-level '{key}:' line");
            text[index] = line;
        }
        var path = Path.Combine(folder, file);
        File.WriteAllLines(path, text);
        return path;
    }

    /// <summary>The one report folder `run -o <paramref name="output"/>` wrote.</summary>
    public static string ReportFolder(string output) => Assert.Single(Directory.GetDirectories(output));

    /// <summary>A CSV file of the run tables (no quoted fields) as rows of column → text.</summary>
    public static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.DoesNotContain(lines, l => l.Contains('"', StringComparison.Ordinal));
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs train_mlp.py alone, as a fresh trial with <paramref name="trial"/>'s schedules from trials.csv and
    /// <paramref name="parameters"/>, for <paramref name="epochs"/> epochs and no decisions; its report lines' val_accuracy.
    /// </summary>
    public static double[] RerunAlone(string folder, Dictionary<string, string> trial, object parameters, int epochs)
    {
        var checkpoints = Directory.CreateDirectory(Path.Combine(folder, "rerun-checkpoint")).FullName;
        var file = Path.Combine(folder, "rerun-trial.json");
        File.WriteAllText(file, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["protocol"] = 1, ["sweep_id"] = "rerun", ["trial"] = int.Parse(trial["trial"], CultureInfo.InvariantCulture),
            ["combination"] = int.Parse(trial["combination"], CultureInfo.InvariantCulture), ["attempt"] = 1,
            ["seed"] = int.Parse(trial["seed"], CultureInfo.InvariantCulture), ["epochs"] = epochs, ["resume_from_epoch"] = 0,
            ["checkpoint_dir"] = checkpoints, ["decision_epochs"] = Array.Empty<int>(),
            ["learning_rate"] = Schedule(trial, "learning_rate"), ["weight_decay"] = Schedule(trial, "weight_decay"),
            ["batch_size"] = Schedule(trial, "batch_size"), ["params"] = parameters,
        }));
        var environment = new Dictionary<string, string> { ["SWEEPCLUSTER_TRIAL"] = file, ["OMP_NUM_THREADS"] = "1", ["PYTHONDONTWRITEBYTECODE"] = "1" };
        var (exit, output) = RunPython(environment, Script);
        Assert.True(exit == 0, output);
        return output.Split('\n').Where(l => l.StartsWith("{\"epoch\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("val_accuracy").GetDouble()).ToArray();
    }

    // A schedule spec from trials.csv's `target.key` columns (empty ones left out): "schedule" is text, the rest numbers.
    private static Dictionary<string, object> Schedule(Dictionary<string, string> trial, string target) =>
        trial.Where(c => c.Key.StartsWith(target + ".", StringComparison.Ordinal) && c.Value.Length > 0)
            .ToDictionary(c => c.Key[(target.Length + 1)..], c => c.Key.EndsWith(".schedule", StringComparison.Ordinal) ? (object)c.Value : Number(c.Value));

    private static (int ExitCode, string Output) RunPython(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }
}
