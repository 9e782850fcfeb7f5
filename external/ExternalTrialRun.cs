// What one attempt of one trial is, as the runner needs it: a label for messages, the trial file the runner points the
// trainer at, the planned epochs and the epochs already done. The caller writes the trial file (protocol 1).
namespace SweepCluster.External;

/// <summary>One attempt of one trial with an external trainer.</summary>
/// <param name="TrialLabel">Names the trial in every message, e.g. "trial 7 of sweep quickstart-3f2a (attempt 2)".</param>
/// <param name="TrialFile">The trial's JSON file; its absolute path goes to the trainer as SWEEPCLUSTER_TRIAL.</param>
/// <param name="PlannedEpochs">The trial's "epochs": the run is complete when epoch <paramref name="PlannedEpochs"/> is
/// reported.</param>
/// <param name="ResumeFromEpoch">The trial's "resume_from_epoch": the first report expected is this + 1.</param>
public sealed record ExternalTrialRun(string TrialLabel, string TrialFile, int PlannedEpochs, int ResumeFromEpoch = 0)
{
    public string TrialLabel { get; } = !string.IsNullOrWhiteSpace(TrialLabel)
        ? TrialLabel
        : throw new ArgumentException("a trial label must not be empty", nameof(TrialLabel));

    public string TrialFile { get; } = !string.IsNullOrWhiteSpace(TrialFile)
        ? TrialFile
        : throw new ArgumentException("the trial file path must not be empty", nameof(TrialFile));

    public int PlannedEpochs { get; } = PlannedEpochs >= 1
        ? PlannedEpochs
        : throw new ArgumentOutOfRangeException(nameof(PlannedEpochs), PlannedEpochs, "a trial plans at least one epoch");

    public int ResumeFromEpoch { get; } = ResumeFromEpoch >= 0 && ResumeFromEpoch < PlannedEpochs
        ? ResumeFromEpoch
        : throw new ArgumentOutOfRangeException(nameof(ResumeFromEpoch), ResumeFromEpoch,
            $"resume_from_epoch must be at least 0 and below the {PlannedEpochs} planned epochs");
}
