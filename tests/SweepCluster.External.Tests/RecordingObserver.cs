// Keeps what a trainer said, and lets a test act on a line as it arrives (send a decision, cancel the run).
namespace SweepCluster.External.Tests;

internal sealed class RecordingObserver : IExternalTrialObserver
{
    public List<EpochReport> Epochs { get; } = [];

    public List<(int Epoch, AppliedReport Applied)> Applied { get; } = [];

    public List<TrainerLogLine> Logs { get; } = [];

    public Action<EpochReport>? WhenEpoch { get; init; }

    public Action<TrainerLogLine>? WhenLog { get; init; }

    public IEnumerable<string> Stdout => Logs.Where(l => l.Stream == TrainerStream.Stdout).Select(l => l.Text);

    public IEnumerable<string> Stderr => Logs.Where(l => l.Stream == TrainerStream.Stderr).Select(l => l.Text);

    public void OnEpoch(EpochReport report)
    {
        Epochs.Add(report);
        WhenEpoch?.Invoke(report);
    }

    public void OnApplied(int epoch, AppliedReport applied) => Applied.Add((epoch, applied));

    public void OnLog(TrainerLogLine line)
    {
        Logs.Add(line);
        WhenLog?.Invoke(line);
    }
}
