// The simulated coordinator host: it feeds the machine one event at a time and carries out its commands in order.
// Persist saves a copy of machine.State made through Orleans' serializer, as the grain's storage would (the only thing
// that survives a restart); starts, snapshots, prunes and cancels are calls it awaits within its turn, as the grain
// does (World delivers them and their answers first), and their answers come back as events; a reconciliation's
// answers are gathered and handed over together. A restart is SweepMachine.Restore from the last saved state, then the
// membership again, and the sweep's listing published again; every answer still on its way to the old activation is
// dropped. A crash may also strike between two commands.
using SweepCluster.Coordination.State;
using SweepCluster.Core;
using SweepCluster.Testing;

namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class CoordinatorHost(World world, SweepPlan plan)
{
    public static readonly TimeSpan ReconcilePeriod = TimeSpan.FromSeconds(20);

    private readonly Dictionary<int, Reconciliation> _reconciliations = [];

    public SweepMachine Machine { get; private set; } = null!; // set by Submit

    /// <summary>The last state a Persist saved; null before the first.</summary>
    public SweepState? Stored { get; private set; }

    /// <summary>Numbers the coordinator's activations: an answer addressed to an older one is dropped.</summary>
    public int Incarnation { get; private set; }

    public bool Ticking { get; private set; }
    public int Restarts { get; private set; }
    public bool Cancelled { get; private set; }
    public bool Resumed { get; private set; }
    public bool Extended { get; private set; }

    /// <summary>The sweep status the last PublishListing published.</summary>
    public SweepStatus? Published { get; private set; }

    /// <summary>The membership the machine was last told.</summary>
    public IReadOnlyList<LiveSilo> Membership { get; private set; } = [];

    public bool Reconciling => _reconciliations.Count > 0;

    public void Submit()
    {
        Machine = SweepMachine.New(plan, ReconcilePeriod);
        Incarnation++;
        Ticking = true;
        world.Invariants.OnActivated(Machine);
        if (Membership.Count > 0) Handle(new MembershipObserved(Membership, world.Now));
        Handle(new SweepStarted(plan.Spec.Name, world.Now));
    }

    public void ObserveMembership()
    {
        Membership = world.LiveSilos();
        if (Machine is not null) Handle(new MembershipObserved(Membership, world.Now));
    }

    public void Tick() => Handle(new Ticked(world.Now));

    public void Cancel()
    {
        Cancelled = true;
        Handle(new CancelRequested(world.Now));
    }

    /// <summary>The user resumes the sweep (once). The answer does not matter here: the invariants judge what it did.</summary>
    public void Resume()
    {
        Resumed = true;
        Handle(new ResumeRequested(world.Now));
    }

    /// <summary>The user extends the sweep (once).</summary>
    public void Extend(SweepExtension extension)
    {
        Extended = true;
        Handle(new ExtendRequested(extension, world.Now));
    }

    /// <summary>The coordinator's activation dies; the next one starts from storage.</summary>
    public void Restart()
    {
        Restarts++;
        _reconciliations.Clear();
        if (Stored is null)
        {
            Submit(); // never stored: as if the submission failed and was sent again
            return;
        }
        Machine = SweepMachine.Restore(plan, Stored, ReconcilePeriod);
        Incarnation++;
        Ticking = !Machine.AllEnded;
        // A crash between a Persist and the PublishListing after it would leave the listing behind for good (the
        // machine cannot know it was not published): a host publishes its line again whenever it restores.
        Published = Machine.Status;
        world.Invariants.OnActivated(Machine);
        ObserveMembership();
    }

    public void Receive(Message message)
    {
        switch (message)
        {
            case ProgressMessage progress:
                Handle(new EpochsReported(progress.Progress, world.Now));
                break;
            case QuestionMessage question:
                if (Handle(new DecisionAsked(question.Progress, world.Now)) is { Reply: { } reply })
                    world.Send(new DirectiveAnswer(question.Call, reply));
                break;
            case EndMessage end:
                Handle(new AttemptEnded(end.End, world.Now));
                break;
            case StartAnswer answer when answer.Incarnation == Incarnation:
                if (answer.View is null) world.Note("start failed");
                Handle(answer.View is { } view ? new TrialStartAnswered(answer.Start, view, world.Now) : new TrialStartFailed(answer.Start, world.Now));
                break;
            case SnapshotAnswer answer when answer.Incarnation == Incarnation && _reconciliations.TryGetValue(answer.Reconcile, out var reconciliation):
                if (!reconciliation.Answer(answer.Trial, answer.View)) break;
                _reconciliations.Remove(answer.Reconcile);
                Handle(new TrialsReconciled(reconciliation.Answers, world.Now));
                break;
        }
    }

    /// <summary>Feeds one event and carries out its commands; null when the coordinator crashed before it finished.</summary>
    private Step? Handle(SweepEvent @event)
    {
        var step = Machine.Handle(@event);
        world.Invariants.AfterStep(Machine, @event, step);
        world.Log(@event, step);
        var crashAt = world.CrashPoint(step.Commands.Count);
        for (var i = 0; i < step.Commands.Count; i++)
        {
            if (i == crashAt)
            {
                world.Log($"coordinator crashed before command {i}");
                Restart();
                return null;
            }
            CarryOut(step.Commands[i]);
        }
        if (crashAt == step.Commands.Count)
        {
            world.Log("coordinator crashed before answering");
            Restart();
            return null;
        }
        return step;
    }

    private void CarryOut(SweepCommand command)
    {
        switch (command)
        {
            case Persist:
                Stored = OrleansCopy.Of(Machine.State);
                world.Invariants.OnPersist(Stored);
                break;
            case StartTrial start:
                world.Invariants.OnStart(start, Stored);
                world.Send(new StartCall(start, Incarnation));
                break;
            case PruneTrial prune:
                world.Send(new PruneCall(prune.TrialIndex, prune.Reason));
                break;
            case CancelTrial cancel:
                world.Send(new CancelCall(cancel.TrialIndex));
                break;
            case ReconcileTrials reconcile:
                world.Note("reconciliation");
                var id = world.NextId();
                _reconciliations[id] = new Reconciliation(reconcile.TrialIndices);
                foreach (var trial in reconcile.TrialIndices) world.Send(new SnapshotCall(trial, id, Incarnation));
                break;
            case PublishListing:
                Published = Machine.Status;
                break;
            case StopTicking:
                Ticking = false;
                break;
            case ResumeTicking:
                Ticking = true;
                break;
            default:
                throw new InvalidOperationException($"unknown command {command}");
        }
    }

    /// <summary>The answers to one ReconcileTrials, in its order; complete once every trial answered or failed to.</summary>
    private sealed class Reconciliation(IReadOnlyList<int> trials)
    {
        private readonly TrialView?[] _views = new TrialView?[trials.Count];
        private readonly bool[] _answered = new bool[trials.Count];
        private int _missing = trials.Count;

        public IReadOnlyList<ReconciledTrial> Answers => trials.Select((trial, i) => new ReconciledTrial(trial, _views[i])).ToArray();

        /// <returns>Whether every trial has answered now.</returns>
        public bool Answer(int trial, TrialView? view)
        {
            for (var i = 0; i < trials.Count; i++)
            {
                if (trials[i] != trial || _answered[i]) continue;
                (_views[i], _answered[i]) = (view, true);
                _missing--;
                break;
            }
            return _missing == 0;
        }
    }
}
