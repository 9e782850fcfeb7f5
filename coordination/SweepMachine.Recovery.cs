// SweepMachine's recovery after a restore from storage (its coordinator's silo died, or it was deactivated): before it
// dispatches anything, it asks the trials what they are doing. It asks every trial it believes in flight, and the
// queued trials it may have started after its state was stored: without a trial scheduler a start does not always wait
// for a write, so the stored queue may hold trials that train (or even finished) while no coordinator was alive. Those
// starts took trials from the head of the queue, in queue order, so they are a prefix of the stored queue: the machine
// probes it a batch at a time (as many trials as the cluster has slots, then doubling), and stops at the first batch that holds a
// trial no start reached. A trial found training is adopted where it trains, under the attempt number it trains; one
// that ended hands its result over; only one that is not training goes back in the queue. Until the answers are in,
// nothing is dispatched: a start sent on the stored state alone could be a second run of a trial that trains.
using SweepCluster.Core;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    /// <summary>Restored and not reconciled yet: the stored queue and how far it was probed; null once recovered.</summary>
    private RecoveryScan? _recovery;

    /// <summary>Doublings of the probe batch at most (2^20 times the slots: more than any sweep's trials).</summary>
    private const int MaxProbeDoublings = 20;

    /// <summary>Restored from storage, and its trials have not all answered yet: nothing is dispatched meanwhile.</summary>
    public bool Recovering => _recovery is not null;

    /// <summary>The queue as it was stored, in dispatch order, with each trial's attempt then; and how far it was asked.</summary>
    private sealed class RecoveryScan((int Trial, int Attempt)[] storedQueue)
    {
        public (int Trial, int Attempt)[] StoredQueue { get; } = storedQueue;

        /// <summary>Trials of the stored queue asked so far, with their attempt as stored.</summary>
        public Dictionary<int, int> Probed { get; } = [];

        /// <summary>Rounds of probes asked so far: each asks twice as many trials as the one before.</summary>
        public int Rounds { get; set; }
    }

    private void BeginRecovery() =>
        _recovery = new RecoveryScan(_book.NextQueued(_book.Total).Select(i => (i, _book[i].Attempt)).ToArray());

    // The first reconciliation of a restored machine: every trial in flight, and the first batch of the stored queue
    // (asked again from its start should a tick come before the answers). Nothing to ask: the recovery is over.
    private void StartRecovery()
    {
        _recovery!.Probed.Clear();
        _recovery.Rounds = 0;
        var probes = NextProbes();
        if (_book.AllEnded || (_book.InFlight.Count == 0 && probes.Count == 0))
        {
            _recovery = null;
            return;
        }
        _lastReconcile = _now;
        Emit(new ReconcileTrials([.. _book.InFlight.Where(i => !_recovery.Probed.ContainsKey(i)), .. probes]));
    }

    // The next trials of the stored queue: first as many as the cluster has slots, then twice as many as the round
    // before. A large sweep of short trials may have started tens of thousands after its last periodic store
    // (SweepMachine.Recording.cs); doubling finds their end in a few rounds, and asking trials no start reached costs
    // only their answer "never started".
    private IReadOnlyList<int> NextProbes()
    {
        var scan = _recovery!;
        var size = (long)Math.Max(1, DispatchCapacity()) << Math.Min(scan.Rounds, MaxProbeDoublings);
        scan.Rounds++;
        var batch = scan.StoredQueue.Skip(scan.Probed.Count).Take((int)Math.Min(size, scan.StoredQueue.Length)).ToArray();
        foreach (var (trial, attempt) in batch) scan.Probed[trial] = attempt;
        return batch.Select(t => t.Trial).ToArray();
    }

    // A trial of the stored queue answered. Returns whether a start this machine does not remember had reached it.
    private bool Probed(int index, TrialView? view)
    {
        if (view is null || view.Attempt <= _recovery!.Probed[index]) return false;
        var trial = _book[index];
        if (trial.Status == TrialStatus.Cancelled && view.IsTraining) Emit(new CancelTrial(index)); // the sweep was cancelled meanwhile
        // Ended meanwhile, or word from that attempt came first and was acted on (see Current): its end, say, is not
        // applied a second time.
        if (!trial.Queued || trial.Attempt >= view.Attempt) return true;
        trial = trial with { Attempt = view.Attempt };
        if (view.Status.IsTerminal() && !view.IsTraining)
        {
            foreach (var record in view.History ?? []) trial = WithBest(trial, MetricOf(record), record.Epoch);
            Apply(trial with { StopReason = view.StopReason }, view.Status, view.Last, view.Error, view.Silo, view.WallSeconds, view.Test);
        }
        else if (view.Status == TrialStatus.Paused && !view.IsTraining)
        {
            AdoptPause(trial, view);
        }
        else if (TrainingAt(view) is { } silo)
        {
            Put(WithLast(trial, view.Last) with
            {
                AssignedSilo = silo, DispatchedAt = _now, Life = _header.Resumes,
                Status = view.Status == TrialStatus.Running ? TrialStatus.Running : TrialStatus.Pending,
                EpochsDone = view.Epochs, Silos = trial.WithSilo(view.Silo),
            });
        }
        else
        {
            Put(trial); // not training: it stays queued and resumes from its checkpoint
        }
        return true;
    }

    // After a recovery round: the next batch of the stored queue when a start had reached every trial of this one, else
    // the end of the recovery. Returns whether the machine goes on recovering.
    private bool ContinueRecovery(IReadOnlyList<(int Trial, bool Started)> probes)
    {
        if (probes.Count > 0 && probes.All(p => p.Started) && NextProbes() is { Count: > 0 } next)
        {
            Emit(new ReconcileTrials(next));
            return true;
        }
        _recovery = null;
        return false;
    }

    /// <summary>The live silo an attempt trains (or waits for a slot) on, as its grain says; null when it is not training.</summary>
    private string? TrainingAt(TrialView view) => view.IsTraining ? LiveKeyOf(view.Silo) : null;

    /// <summary>The key of the live silo with this endpoint; null when none is live.</summary>
    private string? LiveKeyOf(string? endpoint) => endpoint is null ? null : _live.FirstOrDefault(s => s.Endpoint == endpoint)?.Key;
}
