// A sweep's bookkeeping as a deterministic state machine, after etcd's raft: events in (a trial's epochs, its end, a
// question at a decision epoch, the answer to a start, a reconciliation, a tick, the membership, a cancel), commands
// out (start trial T on silo S, prune, cancel, reconcile, persist, publish) and the next state. It does no I/O and
// reads no clock: the same state and the same events always give the same commands, which is what lets it be tested
// in milliseconds and driven through thousands of random interleavings. The coordinator grain feeds it and carries
// out its commands; the trial scheduler (ASHA, median stopping, PBT) is consulted here and its state saved with ours.
// The class is split by concern: this file holds its state, its creation and its surface; SweepMachine.*.cs hold
// the steps (dispatch, attempts, scheduler decisions, PBT restarts, reconciliation, the sweep's own life, recording).
using System.Collections.Immutable;
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Core.Scheduling;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    private SweepPlan _plan;
    private readonly ITrialScheduler _scheduler;
    private readonly TimeSpan _reconcilePeriod;
    private readonly TrialBook _book;
    private readonly Dictionary<(int Epochs, int Combination), int[]> _decisionEpochs = [];
    private readonly List<SweepCommand> _commands = [];
    private readonly DispatchLookahead _lookahead = new();
    private IReadOnlyList<LiveSilo> _live = [];
    private DateTimeOffset _lastReconcile = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPersist = DateTimeOffset.MinValue;
    private DateTimeOffset _now;
    private SweepHeader _header;

    /// <summary>The answer to the resume or extend being handled, handed out with its step.</summary>
    private SweepChange? _change;

    /// <summary>Attempt numbers reserved per trial at a time (see <see cref="TrialSummary.AttemptCeiling"/>).</summary>
    private const int AttemptReserve = 16;

    /// <summary>Restored ceilings were raised and not stored yet: the first start must wait for a Persist.</summary>
    private bool _ceilingsUnstored;

    /// <summary>Trials changed since <see cref="TakeChangedTrials"/> was last called.</summary>
    private readonly HashSet<int> _changed = [];

    private SweepMachine(SweepPlan plan, SweepHeader header, ImmutableList<TrialSummary> trials, SchedulerSnapshot? schedulerState, TimeSpan reconcilePeriod)
    {
        _plan = plan;
        _header = header;
        _reconcilePeriod = reconcilePeriod;
        _scheduler = plan.NewScheduler();
        _scheduler.RestoreState(schedulerState);
        _book = new TrialBook(plan, trials);
    }

    /// <summary>A sweep not started yet (its trials are created by <see cref="SweepStarted"/>).</summary>
    public static SweepMachine New(SweepPlan plan, TimeSpan reconcilePeriod) =>
        new(plan, new SweepHeader(plan.Spec.Name, SweepStatus.Running, default, null), [], null, reconcilePeriod);

    /// <summary>A sweep as it was stored (a coordinator reactivated after a restart or a silo loss).</summary>
    /// <param name="plan">The plan of the sweep's spec; the stored extensions are applied to it.</param>
    public static SweepMachine Restore(SweepPlan plan, SweepState state, TimeSpan reconcilePeriod)
    {
        // Numbers up to each stored ceiling may have gone out before the restart: the next start numbers above it, and
        // the ceiling moves up one reserve (stored before that start leaves).
        plan = plan.WithExtensions(state.Extensions ?? []).WithSuggestions(state.Suggestions);
        if (state.Trials.Count != plan.TotalTrials)
            throw new InvalidOperationException($"the stored sweep has {state.Trials.Count} trials; its spec and extensions have {plan.TotalTrials}");
        var trials = state.Trials.Select(t => t.Status.IsTerminal() ? t : t with { AttemptCeiling = t.AttemptCeiling + AttemptReserve }).ToImmutableList();
        var machine = new SweepMachine(plan, new SweepHeader(state.Name, state.Status, state.CreatedAt, state.FinishedAt, state.Resumes), trials,
            state.Scheduler, reconcilePeriod) { _ceilingsUnstored = true };
        machine.BeginRecovery(); // its first tick asks the trials before anything is dispatched (SweepMachine.Recovery.cs)
        return machine;
    }

    public SweepPlan Plan => _plan;

    /// <summary>The state to store: immutable, so the host may write it while the machine moves on.</summary>
    public SweepState State => new(_header.Name, _header.Status, _header.CreatedAt, _header.FinishedAt, _book.Trials, _scheduler.SaveState(),
        _plan.Extensions.IsEmpty ? null : _plan.Extensions, _header.Resumes, _plan.IsAdaptive ? _plan.Suggestions : null);

    public SweepStatus Status => _header.Status;
    public string Name => _header.Name;
    public DateTimeOffset CreatedAt => _header.CreatedAt;
    public DateTimeOffset? FinishedAt => _header.FinishedAt;
    public IReadOnlyList<TrialSummary> Trials => _book.Trials;

    /// <summary>The trials whose summaries changed since the last call, by index (every trial once the sweep has
    /// started: a host that records summaries elsewhere, e.g. the study tables, writes these); the set is emptied.</summary>
    public IReadOnlyList<int> TakeChangedTrials()
    {
        var changed = _changed.Order().ToArray();
        _changed.Clear();
        return changed;
    }

    /// <summary>Changed since the last <see cref="Persist"/> it asked for.</summary>
    public bool Dirty { get; private set; }

    /// <summary>Every trial has ended.</summary>
    public bool AllEnded => _book.AllEnded;

    /// <summary>Every trial in flight (started on a silo, not ended), by index: its status and the key of its silo.</summary>
    public IReadOnlyList<(int TrialIndex, TrialStatus Status, string Silo)> InFlight() =>
        _book.InFlight.Order().Select(i => (i, _book[i].Status, _book[i].AssignedSilo!)).ToArray();

    /// <summary>The sweep's counts, epochs and best trial now.</summary>
    public SweepTally Tally()
    {
        var counts = Enum.GetValues<TrialStatus>().Where(s => _book.CountOf(s) > 0).ToDictionary(s => s, _book.CountOf);
        return new SweepTally(counts, _book.EpochsDone, _plan.EpochsPlanned - _book.EpochsNotToRun, _book.Best?.Index, _book.Best?.Metric);
    }

    /// <summary>Handles one event; returns the commands to carry out, in order, and the answer when it was a question.</summary>
    public Step Handle(SweepEvent @event)
    {
        _commands.Clear();
        _now = @event.Now;
        var reply = @event switch
        {
            SweepStarted started => Start(started),
            MembershipObserved membership => Observe(membership),
            Ticked => Tick(),
            EpochsReported reported => Progress(reported.Progress),
            DecisionAsked asked => Decide(asked.Progress),
            AttemptEnded ended => End(ended.End),
            TrialStartAnswered answered => Started(answered.Start, answered.Trial),
            TrialStartFailed failed => StartFailed(failed.Start),
            TrialsReconciled reconciled => Reconciled(reconciled.Trials),
            CancelRequested => Cancel(),
            ResumeRequested => Resume(),
            ExtendRequested extend => Extend(extend.Extension),
            _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "not a sweep event"),
        };
        var change = _change;
        _change = null;
        return new Step(_commands.ToArray(), reply, change);
    }

    private sealed record SweepHeader(string Name, SweepStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, int Resumes = 0);
}
