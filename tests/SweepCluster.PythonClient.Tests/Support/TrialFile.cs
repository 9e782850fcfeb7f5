// A trial file as SweepCluster writes one for an external trainer (protocol 1), in a temporary folder of its own
// beside the trial's checkpoint folder. Removed on dispose.
using System.Text.Json.Nodes;

namespace SweepCluster.PythonClient.Tests.Support;

public sealed class TrialFile : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sweepcluster-python-");

    public TrialFile()
    {
        CheckpointDir = System.IO.Path.Combine(_folder.FullName, "checkpoint");
        Directory.CreateDirectory(CheckpointDir);
        Path = System.IO.Path.Combine(_folder.FullName, "trial.json");
    }

    /// <summary>The file's path: the value of SWEEPCLUSTER_TRIAL.</summary>
    public string Path { get; }

    public string CheckpointDir { get; }

    /// <summary>A path in the folder that does not exist.</summary>
    public string MissingPath => System.IO.Path.Combine(_folder.FullName, "no-such-trial.json");

    /// <summary>The document of the contract's example, with this folder's checkpoint_dir.</summary>
    public JsonObject Example(int epochs = 4, int[]? decisionEpochs = null, int resumeFromEpoch = 0) => new()
    {
        ["protocol"] = 1,
        ["sweep_id"] = "quickstart-3f2a",
        ["sweep_name"] = "quickstart",
        ["trial"] = 7,
        ["combination"] = 3,
        ["attempt"] = 1,
        ["seed"] = 2,
        ["epochs"] = epochs,
        ["resume_from_epoch"] = resumeFromEpoch,
        ["checkpoint_dir"] = CheckpointDir,
        ["decision_epochs"] = new JsonArray((decisionEpochs ?? []).Select(e => (JsonNode)e).ToArray()),
        ["learning_rate"] = new JsonObject
        {
            ["schedule"] = "cosine", ["initial"] = 0.1, ["final"] = 0.001, ["warmup"] = 50, ["every"] = "step",
        },
        ["weight_decay"] = new JsonObject { ["schedule"] = "constant", ["initial"] = 0.0001, ["every"] = "step" },
        ["batch_size"] = new JsonObject
        {
            ["schedule"] = "inverse_time", ["initial"] = 32, ["alpha"] = 0.2, ["beta"] = -1, ["max"] = 256, ["every"] = "epoch",
        },
        ["params"] = new JsonObject { ["dropout"] = 0.23, ["width"] = 256 },
    };

    /// <summary>Writes <paramref name="document"/> and returns the file's path.</summary>
    public string Write(JsonNode document) => Write(document.ToJsonString());

    public string Write(string text)
    {
        File.WriteAllText(Path, text);
        return Path;
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
