// What must hold in every simulated world, checked after every machine step, every world step and at the end. Each
// check names the property it guards; a violation throws SimulationException and the runner prints the seed.
//
// Machine (per step):   an ended trial never changes (same status, epochs, metric, exploits) within an incarnation,
//                       but for a cancelled one that a resume gives a new life (then it ends again, once);
//                       an end, once reached by any incarnation, is the same end in every later one (runs without a
//                       user cancel: a cancel not yet stored is legitimately forgotten); an end once stored stays in
//                       every later stored state and in every restored machine; a question that changed its trial is
//                       answered only after a Persist, and that Persist precedes any start in the same step; a start
//                       leaves only once its attempt number is reserved in storage (a restored coordinator never reuses one).
// World (per step):     no silo runs more trials than it has slots; no trial trains on two silos at once; a trial
//                       trains only on the silo of its activation; a trial stored as ended (other than Failed) never
//                       trains again and its stored result never changes (SimulatedTrial checks those two).
// End:                  the sweep ended (Completed, Failed or Cancelled) and stored its end, published its final status
//                       and stopped ticking; every trial ended; a completed trial ran all its epochs and its metric
//                       is the one its grain recorded; no trial is still training; nothing is in flight.
// Scheduler decisions:  FIFO and PBT outcomes equal the same sweep run one event at a time (SimulationRunner); ASHA's
//                       promotions are audited against its rule instead (AshaAudit).
using SweepCluster.Coordination.State;
using SweepCluster.Coordination.Tests.Simulation;
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination.Tests;

internal sealed class Invariants
{
    private readonly World _world;
    private readonly TrialOutcome?[] _firstEnd;
    private readonly TrialOutcome?[] _storedEnd;

    /// <summary>The sweep's resume count when each stored end was stored: a later life may store the trial anew.</summary>
    private readonly int[] _storedEndResumes;
    private readonly bool[] _training;
    private readonly AshaAudit? _asha;
    private IReadOnlyList<TrialSummary> _seen = [];

    public Invariants(World world)
    {
        _world = world;
        _firstEnd = new TrialOutcome?[world.Plan.TotalTrials];
        _storedEnd = new TrialOutcome?[world.Plan.TotalTrials];
        _storedEndResumes = new int[world.Plan.TotalTrials];
        _training = new bool[world.Plan.TotalTrials];
        _asha = world.Plan.Spec.Scheduler == SchedulerKind.Asha ? new AshaAudit(world) : null;
    }

    /// <summary>A coordinator activation began (new, or restored from storage).</summary>
    public void OnActivated(SweepMachine machine)
    {
        _seen = machine.Trials;
        for (var i = 0; i < _storedEnd.Length; i++)
        {
            if (_storedEnd[i] is { } stored && i < machine.Trials.Count && TrialOutcome.Of(machine.Trials[i]) != stored)
                Violation($"restored machine forgot a stored end: {stored} is now {TrialOutcome.Of(machine.Trials[i])}");
        }
        _asha?.Reset(machine);
    }

    public void AfterStep(SweepMachine machine, SweepEvent @event, Step step)
    {
        var trials = machine.Trials;
        var before = _seen;
        for (var i = 0; i < trials.Count; i++)
        {
            var now = trials[i];
            var was = i < before.Count ? before[i] : null;
            if (ReferenceEquals(now, was)) continue;
            if (was is { Status: TrialStatus.Cancelled or TrialStatus.Failed } && @event is ResumeRequested && !now.Status.IsTerminal())
            {
                _firstEnd[i] = null; // a new life: it ends again, once
                continue;
            }
            if (was is not null && was.Status.IsTerminal() && TrialOutcome.Of(was) != TrialOutcome.Of(now))
                Violation($"an ended trial changed on {@event.GetType().Name}: {TrialOutcome.Of(was)} → {TrialOutcome.Of(now)}");
            if (!now.Status.IsTerminal()) continue;
            var outcome = TrialOutcome.Of(now);
            if (_firstEnd[i] is null) _firstEnd[i] = outcome;
            else if (!_world.Host.Cancelled && _firstEnd[i] != outcome)
                Violation($"a trial ended twice, differently: first {_firstEnd[i]}, then {outcome}");
        }
        if (@event is DecisionAsked asked && asked.Progress.TrialIndex < before.Count)
            CheckPersistBeforeAnswer(asked, step, before[asked.Progress.TrialIndex], trials[asked.Progress.TrialIndex]);
        _seen = trials;
        _asha?.AfterStep(machine, @event);
    }

    // A decision is stored before anyone acts on it: the trial on its answer, restarted or resumed trials on their start.
    private void CheckPersistBeforeAnswer(DecisionAsked asked, Step step, TrialSummary before, TrialSummary after)
    {
        var persist = -1;
        var firstStart = -1;
        for (var i = 0; i < step.Commands.Count; i++)
        {
            if (step.Commands[i] is Persist && persist < 0) persist = i;
            if (step.Commands[i] is StartTrial && firstStart < 0) firstStart = i;
        }
        if (!ReferenceEquals(before, after) && persist < 0)
            Violation($"trial {asked.Progress.TrialIndex}'s question changed it and was answered {step.Reply?.Decision} without a Persist");
        if (firstStart >= 0 && (persist < 0 || persist > firstStart))
            Violation($"a question's step starts a trial before storing the decision: {string.Join(", ", step.Commands)}");
    }

    public void OnPersist(SweepState state)
    {
        for (var i = 0; i < state.Trials.Count; i++)
        {
            var trial = state.Trials[i];
            if (!trial.Status.IsTerminal())
            {
                if (_storedEnd[i] is { Status: TrialStatus.Cancelled or TrialStatus.Failed } && state.Resumes > _storedEndResumes[i]) _storedEnd[i] = null; // resumed
                if (_storedEnd[i] is { } ended) Violation($"a stored end was stored again as {trial.Status}: {ended}");
                continue;
            }
            var outcome = TrialOutcome.Of(trial);
            if (_storedEnd[i] is { Status: TrialStatus.Cancelled or TrialStatus.Failed } && state.Resumes > _storedEndResumes[i] && outcome != _storedEnd[i])
                _storedEnd[i] = null; // resumed, and ended again in its new life before this store
            if (_storedEnd[i] is null) (_storedEnd[i], _storedEndResumes[i]) = (outcome, state.Resumes);
            else if (_storedEnd[i] != outcome) Violation($"a stored end changed: {_storedEnd[i]} → {outcome}");
        }
    }

    // An attempt number is reserved in storage before a start carries it: a coordinator restored from storage numbers
    // above the stored reserve, so it never sends a number twice.
    public void OnStart(StartTrial start, SweepState? stored)
    {
        if (stored is null || stored.Trials[start.TrialIndex].AttemptCeiling < start.Attempt)
            Violation($"trial {start.TrialIndex}'s start of attempt {start.Attempt} leaves before that number is reserved in storage");
    }

    public void OnTrained(SimulatedTrial trial, Silo silo)
    {
        if (trial.Active?.Silo != silo || !silo.Live) Violation($"trial {trial.Index} trains on {silo.Key}, not where it is active");
    }

    public void AfterAction()
    {
        Array.Clear(_training);
        foreach (var silo in _world.Silos)
        {
            if (silo.Busy > silo.Slots) Violation($"silo {silo.Key} runs {silo.Busy} trials on {silo.Slots} slots");
            foreach (var run in silo.Holders)
            {
                if (_training[run.Activation.Trial]) Violation($"trial {run.Activation.Trial} trains on two silos at once");
                _training[run.Activation.Trial] = true;
            }
        }
    }

    public void AtEnd()
    {
        var machine = _world.Host.Machine;
        if (!machine.AllEnded || machine.Status == SweepStatus.Running || machine.FinishedAt is null)
            Violation($"the sweep did not end: {machine.Status}, {machine.Tally().Counts.Count} statuses");
        var stored = _world.Host.Stored;
        if (stored is null || stored.Status != machine.Status || stored.FinishedAt is null)
            Violation($"the sweep's end was not stored ({stored?.Status})");
        for (var i = 0; i < stored.Trials.Count; i++)
            if (TrialOutcome.Of(stored.Trials[i]) != TrialOutcome.Of(machine.Trials[i]))
                Violation($"stored {TrialOutcome.Of(stored.Trials[i])} differs from {TrialOutcome.Of(machine.Trials[i])}");
        if (_world.Host.Published != machine.Status) Violation($"published {_world.Host.Published}, the sweep ended {machine.Status}");
        if (_world.Host.Ticking) Violation("the sweep ended and still ticks");
        foreach (var trial in machine.Trials) CheckAgainstGrain(trial, _world.Trials[trial.Index]);
        _asha?.AtEnd(machine);
    }

    // What the machine says about a trial agrees with the trial grain's own storage.
    private void CheckAgainstGrain(TrialSummary trial, SimulatedTrial grain)
    {
        if (grain.Active is { Runs.Count: > 0 }) Violation($"trial {trial.Index} still runs after the sweep ended");
        if (trial.Status is not (TrialStatus.Completed or TrialStatus.Diverged or TrialStatus.Failed)) return;
        var stored = grain.Stored;
        if (stored.Status != trial.Status || stored.History.Count != trial.EpochsDone)
            Violation($"{TrialOutcome.Of(trial)}, but its grain stored {stored.Status} after {stored.History.Count} epochs");
        if (trial.Status != TrialStatus.Completed) return;
        var spec = trial.SpecOverride.Json() ?? _world.Host.Machine.Plan.SearcherSpecJson(trial.Index); // the machine's: it holds TPE's suggestions
        var expected = _world.Nature.Record(trial.Index, trial.EpochsDone, _world.SpecHash(spec)).ValMetric;
        if (trial.EpochsDone != _world.Plan.EpochsOf(trial.Index) || trial.LastMetric != expected)
            Violation($"{TrialOutcome.Of(trial)}: a completed trial runs {_world.Plan.EpochsOf(trial.Index)} epochs and ends at metric {expected}");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Violation(string message) => _world.Violation(message);
}
