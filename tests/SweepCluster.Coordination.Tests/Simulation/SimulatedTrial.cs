// A simulated trial grain, after TrialGrain: the same rules for a start (a stale dispatch, one already training, one
// finished before, a PBT restart already carried out, a donor's checkpoint copied), for a run (a slot, a question at
// the resume epoch, epochs with checkpoints and progress, a question at each decision epoch retried a few times and
// then a pause, a stop at the boundary, an end report) and for prune and cancel. It trains instantly: one epoch per
// world step, its metrics from the TrialNature. A silo's death takes its activation and runs; storage stays.
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class SimulatedTrial(World world, int index, int epochs)
{
    /// <summary>Calls a question is retried before the run gives up and pauses (TrialGrain.DecisionPatience).</summary>
    public const int Patience = 2;

    public int Index { get; } = index;
    public int Epochs { get; } = epochs;
    public TrialRecord Stored { get; private set; } = TrialRecord.Empty;
    public Activation? Active { get; private set; }

    /// <summary>Stored ended (not Failed) at some point: from then on it may never train again.</summary>
    public bool EverEnded { get; private set; }

    /// <summary>The highest epoch any run of this trial trained to its end.</summary>
    public int MostEpochsTrained { get; private set; }

    /// <summary>Failures its fate (TrialFate) has had so far: a property of the trial, not of its storage.</summary>
    private int _failures;

    /// <summary>A start of a new life (its sweep resumed) is being stored over its cancel.</summary>
    private bool _revived;

    // ---- calls from the coordinator ----

    /// <summary>TrialGrain.StartAsync; null when the call fails (no live silo, or the donor's checkpoint is not the boundary's).</summary>
    public TrialView? Start(StartTrial start)
    {
        if (Activate(start.Silo) is not { } a) return null;
        var current = a.State;
        var previous = current.Assignment;
        if (previous is not null && previous.Attempt > start.Attempt) return Snapshot(a); // a stale dispatch
        if (a.IsTraining && !a.AwaitingDecision && !a.LeavingAtBoundary && !(a.Runs[^1].Cancelled && start.Life > previous!.Life))
        {
            // Already training (the coordinator lost track): keep going under the newer number.
            if (previous!.Attempt < start.Attempt) Persist(a, current with { Assignment = previous with { Attempt = start.Attempt } });
            return Snapshot(a);
        }
        if (previous is not null && current.Status.IsTerminal() && !(current.Status == TrialStatus.Cancelled && start.Life > previous.Life) && previous.SpecJson == start.SpecJson()
            && (current.Status != TrialStatus.Failed || start.FailuresCounted < current.Failures))
        {
            // Finished before (or failed without the coordinator counting it): never run twice, hand the result back.
            // A trial cancelled before its sweep was resumed is not finished: it goes on from its checkpoint.
            Persist(a, current with { Assignment = previous with { Attempt = start.Attempt } });
            return Snapshot(a);
        }
        // Its sweep was resumed since it was cancelled: a new life, which may store and train again.
        var revive = previous is not null && current.Status == TrialStatus.Cancelled && start.Life > previous.Life;
        var restartDone = start.Donor is not null && previous?.Donor == start.Donor && previous.DonorEpoch == start.DonorEpoch
            && previous.SpecJson == start.SpecJson() && current.HasCheckpoint;
        (int Epoch, IReadOnlyList<EpochRecord> History)? copy = null;
        if (start.Donor is { } donor && !restartDone)
        {
            copy = world.Trials[donor].CheckpointAt(start.DonorEpoch);
            if (copy is null) return null; // the exploit is retried
        }
        var resume = current.HasCheckpoint && (previous?.SpecJson == start.SpecJson() || start.Donor is not null);
        var (hasCheckpoint, checkpointEpoch, history) = copy is { } c ? (true, c.Epoch, c.History)
            : resume ? (true, current.CheckpointEpoch, current.History.Take(current.CheckpointEpoch))
            : (false, 0, Enumerable.Empty<EpochRecord>());
        var assignment = new Assignment(start.Attempt, start.SpecJson(), world.SpecHash(start.SpecJson()), start.DecisionEpochs ?? [],
            start.Donor, start.DonorEpoch, start.Life);
        _revived = revive;
        Persist(a, current with
        {
            Assignment = assignment, Status = TrialStatus.Pending, Error = null, StopReason = null,
            HasCheckpoint = hasCheckpoint, CheckpointEpoch = checkpointEpoch, History = [.. history],
        });
        a.Runs.Add(new TrialRun(a, ++a.RunGeneration));
        Settle(a);
        return Snapshot(a);
    }

    /// <summary>TrialGrain.GetSnapshotAsync; null when no silo is live to activate it on.</summary>
    public TrialView? Snapshot() => Activate(null) is { } a ? Snapshot(a) : null;

    /// <summary>TrialGrain.PruneAsync.</summary>
    public void Prune(string? reason)
    {
        if (Activate(null) is not { } a) return;
        if (a.State.Status != TrialStatus.Paused)
        {
            // Told to pause (or about to be) and not stopped yet: it ends Pruned when it reaches the boundary.
            if (a.IsTraining && (a.AwaitingDecision || a.LeavingAtBoundary)) a.PrunedWhileLeaving = reason ?? "stopped by the trial scheduler";
            return;
        }
        Persist(a, a.State with { Status = TrialStatus.Pruned, StopReason = reason });
    }

    /// <summary>TrialGrain.CancelAsync: the newest start's run stops at its next batch.</summary>
    public void Cancel()
    {
        if (Active is { Runs.Count: > 0 } a) a.Runs[^1].Cancelled = true;
    }

    /// <summary>TrialGrain.GetCheckpointAsync, as a donor: the checkpoint when it is the one of <paramref name="epoch"/>.</summary>
    private (int Epoch, IReadOnlyList<EpochRecord> History)? CheckpointAt(int epoch)
    {
        if (Activate(null) is not { } a) return null;
        var s = a.State;
        return s.HasCheckpoint && s.CheckpointEpoch == epoch ? (epoch, s.History.Take(epoch).ToArray()) : null;
    }

    // ---- its runs ----

    /// <summary>Runs that can take a step now (not queued, not waiting for an answer, not waiting for a busy slot).</summary>
    public TrialRun? Advanceable => Active is { Runs.Count: > 0 } a && a.Runs[0] is var run && run.Phase switch
    {
        RunPhase.WaitingForSlot => run.Cancelled || a.Silo.CanAcquire(run),
        RunPhase.Training or RunPhase.Leaving => true,
        _ => false,
    } ? run : null;

    /// <summary>The run waiting for an answer, if any.</summary>
    public TrialRun? Asking => Active is { Runs.Count: > 0 } a && a.Runs[0].IsAsking ? a.Runs[0] : null;

    public void Advance(TrialRun run)
    {
        var a = run.Activation;
        switch (run.Phase)
        {
            case RunPhase.WaitingForSlot when run.Cancelled:
                Finish(run, TrialStatus.Cancelled, "cancelled");
                break;
            case RunPhase.WaitingForSlot:
                a.Silo.Acquire(run);
                run.Attempt = a.CurrentAttempt;
                Persist(a, a.State with { Status = TrialStatus.Running, Silo = a.Silo.Endpoint });
                // A run that starts from a checkpoint at a decision epoch asks about that epoch first.
                var s = a.State;
                if (s.CheckpointEpoch > 0 && s.Assignment!.DecisionEpochs.Contains(s.CheckpointEpoch) && s.History.Count >= s.CheckpointEpoch)
                {
                    run.Unreported.Add(s.History[s.CheckpointEpoch - 1]);
                    Ask(run, RunPhase.AskingAtResume);
                }
                else run.Phase = RunPhase.Training;
                break;
            case RunPhase.Training when run.Cancelled:
            case RunPhase.Leaving when run.Cancelled:
                Finish(run, TrialStatus.Cancelled, "cancelled");
                break;
            case RunPhase.Training:
                TrainEpoch(run);
                break;
            case RunPhase.Leaving:
                StopAtBoundary(run, run.Stop!);
                break;
            default:
                throw new InvalidOperationException($"trial {Index}: a run {run.Phase} cannot advance");
        }
    }

    private void TrainEpoch(TrialRun run)
    {
        var a = run.Activation;
        var s = a.State;
        var epoch = s.History.Count + 1;
        if (epoch > Epochs) throw new InvalidOperationException($"trial {Index}: the model trains epoch {epoch} of {Epochs}");
        if (EverEnded) world.Violation($"trial {Index} ended {Stored.Status} and trains again (epoch {epoch}, attempt {a.CurrentAttempt})");
        world.OnTrained(this, a.Silo);
        var fate = world.Nature.FateOf(Index);
        if (fate.FailAt == epoch && _failures < fate.Failures)
        {
            _failures++;
            world.Note("trial attempt failed", $"trial {Index}");
            Finish(run, TrialStatus.Failed, $"failure at epoch {epoch}");
            return;
        }
        if (fate.DivergeAt == epoch)
        {
            world.Note("trial diverged", $"trial {Index}");
            Finish(run, TrialStatus.Diverged, $"diverged at epoch {epoch}");
            return;
        }
        MostEpochsTrained = Math.Max(MostEpochsTrained, epoch);
        var record = world.Nature.Record(Index, epoch, s.Assignment!.SpecHash);
        run.Segment += 1;
        var ask = s.Assignment.DecisionEpochs.Contains(epoch);
        var due = ask || epoch == Epochs || epoch % world.CheckpointEvery == 0;
        s = s with { History = s.History.Add(record) };
        if (due) s = s with { HasCheckpoint = true, CheckpointEpoch = epoch };
        a.State = s;
        if (due) Persist(a, s); // epochs between checkpoints live in memory only
        run.Unreported.Add(record);
        if (ask)
        {
            Ask(run, RunPhase.Asking);
            return;
        }
        if (world.Random.Chance(world.ProgressChance)) SendProgress(run);
        if (epoch == Epochs) Finish(run, TrialStatus.Completed, null);
    }

    private void SendProgress(TrialRun run)
    {
        var a = run.Activation;
        world.Send(new ProgressMessage(new TrialProgress(Index, a.CurrentAttempt, run.Unreported.ToArray(), a.Silo.Endpoint, a.State.WallSeconds + run.Segment), a.Id));
        run.Unreported.Clear();
    }

    private void Ask(TrialRun run, RunPhase phase)
    {
        var a = run.Activation;
        run.Phase = phase;
        a.AwaitingDecision = true;
        run.Question = new TrialProgress(Index, a.CurrentAttempt, run.Unreported.ToArray(), a.Silo.Endpoint, a.State.WallSeconds + run.Segment);
        run.Unreported.Clear();
        run.Retries = 0;
        SendQuestion(run);
    }

    private void SendQuestion(TrialRun run)
    {
        run.Call = new CallRef(Index, run.Activation.Id, run.Generation, world.NextId());
        world.Send(new QuestionMessage(run.Question!, run.Call));
    }

    /// <summary>The question's call failed (lost, or timed out): ask again, or after <see cref="Patience"/> retries pause there.</summary>
    public void QuestionFailed(TrialRun run)
    {
        world.Network.GiveUp(run.Call!);
        if (run.Retries++ < Patience)
        {
            world.Note("question asked again", $"trial {Index}");
            SendQuestion(run);
            return;
        }
        world.Note("question given up: paused without an answer", $"trial {Index}");
        var epoch = run.Question!.Records[^1].Epoch;
        Decided(run, new Directive(TrialDecision.Pause, $"no decision from the coordinator at epoch {epoch}: paused until it decides"));
    }

    public void Answer(DirectiveAnswer answer)
    {
        if (Active is not { } a || a.Id != answer.Call.Activation || a.Runs.Count == 0) return; // its activation died
        var run = a.Runs[0];
        if (run.Generation != answer.Call.Generation || !run.IsAsking || run.Call != answer.Call) return; // an older call's
        Decided(run, answer.Directive);
    }

    private void Decided(TrialRun run, Directive directive)
    {
        var a = run.Activation;
        a.AwaitingDecision = false;
        run.Call = null;
        if (run.Phase == RunPhase.AskingAtResume)
        {
            if (directive.Decision == TrialDecision.Continue) run.Phase = RunPhase.Training;
            else StopAtBoundary(run, directive);
            return;
        }
        // Started again while it waited: the newer run, queued behind this one, goes on from here.
        if (directive.Decision == TrialDecision.Continue && run.Generation != a.RunGeneration)
            directive = new Directive(TrialDecision.Pause, "started again while waiting at the boundary");
        if (directive.Decision == TrialDecision.Continue)
        {
            run.Phase = RunPhase.Training;
            return;
        }
        (run.Stop, run.Phase, a.LeavingAtBoundary) = (directive, RunPhase.Leaving, true);
    }

    private void StopAtBoundary(TrialRun run, Directive directive)
    {
        var a = run.Activation;
        var s = a.State;
        var superseded = s.Status == TrialStatus.Pending && a.CurrentAttempt > run.Attempt;
        var pruned = a.PrunedWhileLeaving;
        a.PrunedWhileLeaving = null;
        var status = superseded ? s.Status
            : pruned is not null || directive.Decision == TrialDecision.Stop ? TrialStatus.Pruned
            : TrialStatus.Paused;
        Persist(a, s with { Status = status, StopReason = superseded ? null : pruned ?? directive.Reason, WallSeconds = s.WallSeconds + run.Segment });
        EndRun(run);
    }

    private void Finish(TrialRun run, TrialStatus status, string? message)
    {
        var a = run.Activation;
        var s = a.State;
        if (s.Status == TrialStatus.Pending && run != a.Runs[^1])
        {
            EndRun(run); // a newer start waits behind it (its resumed sweep's): its end is not the trial's
            return;
        }
        s = s with
        {
            Status = status, Error = status is TrialStatus.Failed or TrialStatus.Diverged ? message : null, WallSeconds = s.WallSeconds + run.Segment,
            Failures = s.Failures + (status == TrialStatus.Failed ? 1 : 0),
        };
        var end = new TrialEnd(Index, a.CurrentAttempt, status, s.History.Count > 0 ? s.History[^1] : null, s.Error, a.Silo.Endpoint, s.WallSeconds,
            s.History.ToArray());
        Persist(a, s);
        world.Send(new EndMessage(end, a.Id));
        EndRun(run);
    }

    private void EndRun(TrialRun run)
    {
        var a = run.Activation;
        a.Runs.Remove(run);
        a.Silo.Leave(run);
        a.LeavingAtBoundary = false;
        Settle(a);
    }

    // The first queued run goes for a slot; one started over since returns at once (the newest run trains the newest start).
    private static void Settle(Activation a)
    {
        while (a.Runs.Count > 0 && a.Runs[0].Phase == RunPhase.Queued)
        {
            var head = a.Runs[0];
            if (head.Generation != a.RunGeneration)
            {
                a.Runs.RemoveAt(0);
                continue;
            }
            head.Phase = RunPhase.WaitingForSlot;
            a.Silo.Wait(head);
        }
    }

    // ---- activation and storage ----

    private Activation? Activate(string? preferredSilo)
    {
        if (Active is not null) return Active;
        var live = world.Silos.Where(s => s.Live).ToArray();
        if (live.Length == 0) return null;
        var silo = live.FirstOrDefault(s => s.Key == preferredSilo) ?? world.Random.Pick(live);
        return Active = new Activation(world.NextId(), Index, silo, Stored);
    }

    /// <summary>Its silo died: the activation and its runs are gone; storage stays.</summary>
    public void SiloDied(Silo silo)
    {
        if (Active?.Silo == silo) Active = null;
    }

    /// <summary>An idle activation is collected; false when it is busy (or there is none).</summary>
    public bool Deactivate()
    {
        if (Active is not { Runs.Count: 0 } a) return false;
        if (!ReferenceEquals(a.State, Stored)) world.Violation($"trial {Index}: an idle activation holds state it never stored");
        Active = null;
        return true;
    }

    private TrialView Snapshot(Activation a)
    {
        var s = a.State;
        // As TrialGrain: a live run is where its activation is, whichever silo an earlier attempt ran on.
        return new TrialView(s.Status, a.CurrentAttempt, s.History.Count > 0 ? s.History[^1] : null, s.Error, a.IsTraining ? a.Silo.Endpoint : s.Silo,
            s.WallSeconds, a.IsTraining, s.StopReason);
    }

    private void Persist(Activation a, TrialRecord state)
    {
        a.State = state;
        if (_revived)
        {
            (_revived, EverEnded) = (false, false);
            Stored = state;
            return;
        }
        if (Stored.Ended && (state.Status != Stored.Status || !ReferenceEquals(state.History, Stored.History)))
            world.Violation($"trial {Index} ended {Stored.Status} in storage and then became {state.Status} with {state.History.Count} epochs");
        Stored = state;
        EverEnded |= state.Ended;
    }
}
