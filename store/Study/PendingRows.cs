// The rows a batching writer holds in memory, keyed like the tables (trial by (sweep, trial), epoch by (sweep, trial,
// epoch)), so a row added again before it is written replaces the waiting one: only the last state is written.
// Not thread-safe: the writer guards it with its lock.
namespace SweepCluster.Store.Study;

/// <summary>Trial and epoch rows waiting to be written.</summary>
internal sealed class PendingRows
{
    private readonly Dictionary<(string Sweep, int Trial), TrialRow> _trials = [];
    private readonly Dictionary<(string Sweep, int Trial, int Epoch), EpochRow> _epochs = [];

    public int Count => _trials.Count + _epochs.Count;

    public bool IsEmpty => Count == 0;

    public IReadOnlyCollection<TrialRow> Trials => _trials.Values;

    public IReadOnlyCollection<EpochRow> Epochs => _epochs.Values;

    public void Add(TrialRow row) => _trials[(row.Sweep, row.Trial)] = row;

    public void Add(EpochRow row) => _epochs[(row.Sweep, row.Trial, row.Record.Epoch)] = row;

    /// <summary>Adds rows whose keys hold nothing newer here (the rows of a failed write, going back).</summary>
    public void AddOlder(IEnumerable<TrialRow> trials, IEnumerable<EpochRow> epochs)
    {
        foreach (var row in trials) _trials.TryAdd((row.Sweep, row.Trial), row);
        foreach (var row in epochs) _epochs.TryAdd((row.Sweep, row.Trial, row.Record.Epoch), row);
    }
}
