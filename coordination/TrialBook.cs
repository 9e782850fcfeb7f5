// The coordinator's trials with the indexes its decisions need, kept up to date on every change instead of being
// rebuilt: the dispatch queue in order, the trials in flight and their load per silo, the paused ones, counts per
// status, epochs done and the best completed trial. Every change goes through Put, which also checks the move
// against TrialLifecycle. Each change costs O(log trials), so a sweep's bookkeeping grows linearly with its size.
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination;

internal sealed class TrialBook
{
    private SweepPlan _plan;
    private readonly SortedSet<long> _queue = [];
    private readonly SortedSet<int> _inFlight = [];
    private readonly SortedSet<int> _paused = [];
    private readonly Dictionary<string, int> _load = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[Enum.GetValues<TrialStatus>().Length];
    private ImmutableList<TrialSummary> _trials = [];

    public TrialBook(SweepPlan plan, ImmutableList<TrialSummary> trials)
    {
        _plan = plan;
        Initialize(trials);
    }

    /// <summary>Sets the trials of a sweep that had none (its start).</summary>
    public void Initialize(ImmutableList<TrialSummary> trials)
    {
        if (_trials.Count > 0) throw new InvalidOperationException("the sweep's trials exist already");
        _trials = trials;
        foreach (var trial in trials) Count(trial, +1);
    }

    /// <summary>The sweep was extended: <paramref name="plan"/> plans the trials so far and <paramref name="added"/>, which are appended.</summary>
    public void Extend(SweepPlan plan, IEnumerable<TrialSummary> added)
    {
        _plan = plan;
        foreach (var trial in added)
        {
            if (trial.Index != _trials.Count) throw new InvalidOperationException($"trial {trial.Index} does not follow trial {_trials.Count - 1}");
            _trials = _trials.Add(trial);
            Count(trial, +1);
        }
    }

    public ImmutableList<TrialSummary> Trials => _trials;
    public int Total => _trials.Count;
    public TrialSummary this[int index] => _trials[index];
    public bool Contains(int index) => index >= 0 && index < _trials.Count;

    /// <summary>Trials handed to a trial grain and not ended, by index.</summary>
    public IReadOnlyCollection<int> InFlight => _inFlight;

    /// <summary>Trials their scheduler holds at a boundary, by index.</summary>
    public IReadOnlyCollection<int> Paused => _paused;

    /// <summary>Silo → trials in flight there.</summary>
    public IReadOnlyDictionary<string, int> Load => _load;

    public bool AnyQueued => _queue.Count > 0;
    public int Ended { get; private set; }
    public bool AllEnded => Ended == _trials.Count;
    public long EpochsDone { get; private set; }

    /// <summary>Epochs that trials which ended early by themselves (pruned, diverged, failed) will not run.</summary>
    public long EpochsNotToRun { get; private set; }

    /// <summary>The best completed trial (lowest index among equals); null while none completed with a finite metric.</summary>
    public (int Index, double Metric)? Best { get; private set; }

    public int CountOf(TrialStatus status) => _counts[(int)status];

    /// <summary>Up to <paramref name="count"/> queued trials in dispatch order (see <see cref="QueueKey"/>).</summary>
    public IReadOnlyList<int> NextQueued(int count) => _queue.Take(count).Select(key => (int)(key & uint.MaxValue)).ToArray();

    /// <summary>Replaces a trial's summary; throws on a move <see cref="TrialLifecycle"/> does not allow.</summary>
    public void Put(TrialSummary updated)
    {
        var current = _trials[updated.Index];
        if (ReferenceEquals(current, updated)) return;
        TrialLifecycle.Check(updated.Index, current.Status, updated.Status);
        Count(current, -1);
        Count(updated, +1);
        _trials = _trials.SetItem(updated.Index, updated);
    }

    // Dispatch order: PBT restarts first (their donors wait at the boundary until every copier has its copy), then
    // trials that resume with epochs done (ASHA prefers promotions to new trials), then the rest by index.
    private static long QueueKey(TrialSummary trial)
    {
        var tier = trial.PendingRestart is not null ? 0L : trial.EpochsDone > 0 ? 1L : 2L;
        return (tier << 32) | (uint)trial.Index;
    }

    private void Count(TrialSummary trial, int sign)
    {
        _counts[(int)trial.Status] += sign;
        EpochsDone += sign * trial.EpochsDone;
        if (trial.Status.IsTerminal()) Ended += sign;
        if (trial.Status is TrialStatus.Pruned or TrialStatus.Diverged or TrialStatus.Failed)
            EpochsNotToRun += sign * Math.Max(0, _plan.EpochsOf(trial.Index) - trial.EpochsDone);
        Index(trial, sign > 0);
        if (sign > 0 && trial.Status == TrialStatus.Completed) ConsiderBest(trial);
    }

    private void Index(TrialSummary trial, bool add)
    {
        if (trial.Queued) Toggle(_queue, QueueKey(trial), add);
        if (trial.Status == TrialStatus.Paused) Toggle(_paused, trial.Index, add);
        if (!trial.InFlight) return;
        Toggle(_inFlight, trial.Index, add);
        var load = _load.GetValueOrDefault(trial.AssignedSilo!) + (add ? 1 : -1);
        if (load == 0) _load.Remove(trial.AssignedSilo!);
        else _load[trial.AssignedSilo!] = load;
    }

    private static void Toggle<T>(SortedSet<T> set, T item, bool add)
    {
        if (add) set.Add(item);
        else set.Remove(item);
    }

    // A completed trial never changes again, so the best only ever improves (or a lower index ties it).
    private void ConsiderBest(TrialSummary trial)
    {
        if (trial.LastMetric is not { } metric || !double.IsFinite(metric)) return;
        if (Best is not { } best || _plan.Spec.Metric.IsBetter(metric, best.Metric) || (metric == best.Metric && trial.Index < best.Index))
            Best = (trial.Index, metric);
    }
}
