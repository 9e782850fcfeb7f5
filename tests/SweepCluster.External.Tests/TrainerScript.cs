// A small Python trainer in a temporary directory: the script (after a prelude that reads the trial file and defines
// report/log helpers), its trial file, and the command and run that start it. Deleted on dispose.
using System.Text.Json;

namespace SweepCluster.External.Tests;

internal sealed class TrainerScript : IDisposable
{
    public const string Label = "trial 7 of sweep test-1 (attempt 1)";

    private const string Prelude = """
        import json, os, signal, subprocess, sys, time
        trial = json.load(open(os.environ["SWEEPCLUSTER_TRIAL"]))
        EPOCHS = trial["epochs"]
        START = trial["resume_from_epoch"] + 1
        def report(epoch, **metrics):
            print(json.dumps({"epoch": epoch, **metrics}), flush=True)
        def log(text):
            print(text, flush=True)
        def err(text):
            print(text, file=sys.stderr, flush=True)
        def write_pid(name, pid):
            with open(name + ".tmp", "w") as f:
                f.write(str(pid))
            os.replace(name + ".tmp", name)

        """;

    public TrainerScript(string body, int epochs = 3, int resumeFromEpoch = 0)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sweepcluster-external-").FullName;
        ScriptPath = Path.Combine(Directory, "train.py");
        TrialFile = Path.Combine(Directory, "trial.json");
        File.WriteAllText(ScriptPath, Prelude + body.ReplaceLineEndings("\n") + "\n");
        File.WriteAllText(TrialFile, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["protocol"] = 1, ["trial"] = 7, ["attempt"] = 1, ["seed"] = 0,
            ["epochs"] = epochs, ["resume_from_epoch"] = resumeFromEpoch, ["decision_epochs"] = new[] { 1 },
        }));
        Run = new ExternalTrialRun(Label, TrialFile, epochs, resumeFromEpoch);
    }

    public string Directory { get; }

    public string ScriptPath { get; }

    public string TrialFile { get; }

    public ExternalTrialRun Run { get; }

    public ExternalTrainerCommand Command(
        TimeSpan? timeout = null, TimeSpan? stopGrace = null, IReadOnlyDictionary<string, string>? environment = null) => new()
    {
        Argv = [Python.Path, "train.py"],
        WorkingDirectory = Directory,
        Timeout = timeout ?? TimeSpan.FromMinutes(1), // a safety net: no test waits for it unless it tests timeouts
        StopGrace = stopGrace ?? TimeSpan.FromSeconds(10),
        Environment = environment ?? new Dictionary<string, string>(),
    };

    /// <summary>The pid a script wrote with write_pid(name, pid).</summary>
    public int PidFrom(string name) => int.Parse(File.ReadAllText(Path.Combine(Directory, name)), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
