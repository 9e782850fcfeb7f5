// The JSON file an external trainer finds its trial in (docs/external-trainers.md, protocol 1): the sweep and trial, the
// seed and epochs, where to resume from, the checkpoint folder, the decision epochs, every schedule as its full spec
// and the searched params with their types. Pure: it writes nothing.
using System.Text.Json;
using System.Text.Json.Nodes;
using SweepCluster.Abstractions;
using SweepCluster.Core.Specs;
using SweepCluster.Specs;

namespace SweepCluster.Grains.Trials.External;

public static class TrialFileContent
{
    /// <summary>The protocol's version, written as "protocol".</summary>
    public const int Protocol = 1;

    /// <summary>The "replies" value: a reply line follows every epoch's report, once it is recorded (and its checkpoint
    /// folder copied when due); at a decision epoch, once the scheduler lets the trial go on.</summary>
    public const string RepliesEveryEpoch = "every_epoch";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The trial file of <paramref name="assignment"/>'s attempt, resuming after <paramref name="resumeFromEpoch"/> epochs.</summary>
    /// <param name="combination">The trial's combination (its seeds share it); the trial index when unknown.</param>
    public static string Of(TrialAssignment assignment, int combination, int resumeFromEpoch, string checkpointDirectory)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var spec = assignment.Spec;
        var json = new JsonObject
        {
            ["protocol"] = Protocol,
            ["sweep_id"] = assignment.SweepId,
            ["trial"] = assignment.TrialIndex,
            ["combination"] = combination,
            ["attempt"] = assignment.Attempt,
            ["seed"] = spec.Seed,
            ["epochs"] = spec.Epochs,
            ["resume_from_epoch"] = resumeFromEpoch,
            ["checkpoint_dir"] = checkpointDirectory,
            ["decision_epochs"] = new JsonArray([.. (assignment.DecisionEpochs ?? []).Order().Select(e => (JsonNode)e)]),
            ["replies"] = RepliesEveryEpoch,
            ["learning_rate"] = ScheduleSpecJson.ToJson(spec.LearningRate, ScheduleTarget.LearningRate),
            ["weight_decay"] = ScheduleSpecJson.ToJson(spec.WeightDecay, ScheduleTarget.WeightDecay),
            ["batch_size"] = ScheduleSpecJson.ToJson(spec.BatchSize, ScheduleTarget.BatchSize),
            ["params"] = Params(spec.Params),
        };
        return json.ToJsonString(Indented);
    }

    private static JsonObject Params(IReadOnlyDictionary<string, string>? values)
    {
        var json = new JsonObject();
        foreach (var (name, literal) in values ?? new Dictionary<string, string>()) json[name] = JsonNode.Parse(literal);
        return json;
    }
}
