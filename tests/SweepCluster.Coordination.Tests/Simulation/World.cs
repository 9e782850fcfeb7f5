// One simulated cluster running one sweep, deterministic from its seed (TigerBeetle's VOPR in miniature): silos with
// slots, trial grains with their storage, a network, and the coordinator host around the SweepMachine. The host
// awaits its own calls (start, snapshot, prune, cancel) within its turn, as the grain does, so those and their answers
// go first, and may fail. Otherwise each step the world picks one thing to happen: a message from a trial delivered
// (any one in flight: delay and reordering across trials), a run trains an epoch or stops, the coordinator ticks or
// looks at the membership, a lost question is asked again; and while faults are on: a message lost, duplicated or
// made late, a silo killed or restarted, the coordinator restarted (between steps, or between two commands of one),
// an idle trial activation collected. Invariants are checked after every step; the run fails, naming its seed, on
// the first violation or when the sweep has not ended within its step budget.
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

internal sealed class World
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, ulong> _specHashes = [];
    private readonly ulong?[] _searcherHashes;
    private readonly Dictionary<string, int> _events = [];
    private readonly List<string>? _trace;
    private int _ids;

    /// <param name="plan">The sweep's plan as submitted; the world's trials are those of its extension too, if any (see <see cref="Plan"/>).</param>
    public World(SweepPlan plan, TrialNature nature, WorldOptions options, ulong seed, bool trace = false)
    {
        Plan = FullPlan(plan, options);
        Nature = nature;
        Options = options;
        Random = new SimRandom(seed);
        Silos = Enumerable.Range(1, options.Silos).Select(n => new Silo(n, options.SlotsPerSilo)).ToArray();
        Trials = Enumerable.Range(0, Plan.TotalTrials).Select(i => new SimulatedTrial(this, i, Plan.EpochsOf(i))).ToArray();
        Invariants = new Invariants(this);
        Host = new CoordinatorHost(this, plan);
        MaxSteps = 4000 + 60 * (int)Plan.EpochsPlanned;
        _searcherHashes = new ulong?[Plan.TotalTrials];
        _trace = trace ? [] : null;
    }

    /// <summary>Every trial the sweep may have: the submitted plan, extended when the world extends it (and the sweep
    /// accepts that extension). Trials beyond the coordinator's plan wait, never started, until it is extended.</summary>
    public SweepPlan Plan { get; }

    /// <summary>The plan with the world's extension when the sweep accepts it (a PBT sweep does not).</summary>
    public static SweepPlan FullPlan(SweepPlan plan, WorldOptions options) =>
        options is { ExtendAt: not null, Extension: { } extension } && ExtensionCheck.Refusal(plan, SweepStatus.Running, plan.Spec.Name, extension) is null
            ? plan.Extend(extension)
            : plan;
    public TrialNature Nature { get; }
    public WorldOptions Options { get; }
    public SimRandom Random { get; }
    public IReadOnlyList<Silo> Silos { get; }
    public IReadOnlyList<SimulatedTrial> Trials { get; }
    public Network Network { get; } = new();
    public CoordinatorHost Host { get; }
    public Invariants Invariants { get; }
    public int Step { get; private set; }

    /// <summary>The sweep must have ended by then (faults stop at Options.Faults.Horizon, far below).</summary>
    public int MaxSteps { get; }

    public DateTimeOffset Now => Epoch.AddSeconds(Step);
    public int CheckpointEvery => Options.CheckpointEvery;
    public double ProgressChance => Options.ProgressChance;

    /// <summary>How often each kind of fault or notable event happened.</summary>
    public IReadOnlyDictionary<string, int> Events => _events;

    public IReadOnlyList<string> Trace => _trace ?? [];
    public bool Tracing => _trace is not null;

    private bool Faulty => Step <= Options.Faults.Horizon;

    /// <summary>Runs the sweep to its end and checks it; throws <see cref="SimulationException"/> on a violation.</summary>
    public void Run()
    {
        if (Options.Ordered || Random.Chance(0.5)) Host.ObserveMembership(); // the first dispatch comes with the start, or on a tick
        Host.Submit();
        while (!Quiescent)
        {
            if (++Step > MaxSteps) Violation($"the sweep has not ended after {MaxSteps} steps ({TraceText.Of(this)})");
            Act();
            Invariants.AfterAction();
        }
        Invariants.AtEnd();
    }

    /// <summary>The sweep ended, nothing is in flight and nothing runs.</summary>
    private bool Quiescent => SweepAtRest && !ResumeDue(atRest: true) && !ExtendDue(atRest: true);

    private bool SweepAtRest => Host.Machine.AllEnded && Host.Machine.Status != SweepStatus.Running && Network.Count == 0
        && !Host.Reconciling && Trials.All(t => t.Active is not { Runs.Count: > 0 });

    /// <summary>The user's resume is due: its step has come, or the sweep is at rest (it would never come).</summary>
    private bool ResumeDue(bool atRest) => Options.ResumeAt is { } at && Host.Cancelled && !Host.Resumed && (atRest || Step >= at);

    private bool ExtendDue(bool atRest) => Options.ExtendAt is { } at && !Host.Extended && (atRest || Step >= at);

    private void Act()
    {
        if (Network.TakeFirst(m => m.IsCallOrAnswer()) is { } call)
        {
            Call(call);
            return;
        }
        if (Step >= Options.CancelAt && !Host.Cancelled)
        {
            Note("sweep cancelled");
            Host.Cancel();
            return;
        }
        if (ResumeDue(SweepAtRest))
        {
            Note("sweep resumed");
            Host.Resume();
            return;
        }
        if (ExtendDue(SweepAtRest))
        {
            Note("sweep extended");
            Host.Extend(Options.Extension!);
            return;
        }
        if (Options.Ordered)
        {
            ActInOrder();
            return;
        }
        var runs = Trials.Select(t => t.Advanceable).OfType<TrialRun>().ToArray();
        var asking = Trials.Select(t => t.Asking).OfType<TrialRun>().ToArray();
        var unanswered = asking.Where(r => !CallInFlight(r)).ToArray();
        var live = Silos.Where(s => s.Live).ToArray();
        var dead = Silos.Where(s => !s.Live).ToArray();
        var faults = Faulty ? Options.Faults : FaultProfile.None;
        Span<double> weights =
        [
            Network.Count > 0 ? 8 : 0,                                 // 0 deliver a message
            runs.Length > 0 ? 8 : 0,                                   // 1 a run takes a step
            Host.Ticking ? 1.5 : 0,                                    // 2 the coordinator ticks
            MembershipChanged() ? 2 : 0.1,                             // 3 it looks at the membership
            unanswered.Length > 0 ? 3 : 0,                             // 4 a question whose call was lost is asked again
            Network.Count > 0 ? faults.Drop : 0,                       // 5 a message is lost
            faults.Duplicate,                                          // 6 one is duplicated
            live.Length > 0 ? faults.KillSilo : 0,                     // 7 a silo dies
            dead.Length == 0 ? 0 : Faulty ? faults.RestartSilo : live.Length == 0 ? 5 : 0.5, // 8 one comes back
            faults.RestartCoordinator,                                 // 9 the coordinator restarts
            faults.Deactivate,                                         // 10 an idle trial activation is collected
            asking.Length > 0 ? faults.QuestionTimeout : 0,            // 11 a question times out while on its way
            Network.Count > 0 ? faults.Delay : 0,                      // 12 a trial's call times out and arrives late
        ];
        switch (Choose(weights))
        {
            case 0:
                Deliver(Network.Take(Random));
                break;
            case 1:
                var run = Random.Pick(runs);
                if (Tracing) Log($"trial {run.Activation.Trial} attempt {run.Activation.CurrentAttempt}: {run.Phase}");
                Trials[run.Activation.Trial].Advance(run);
                break;
            case 2:
                Log("tick");
                Host.Tick();
                break;
            case 3:
                if (Tracing) Log($"membership {string.Join(", ", LiveSilos().Select(s => s.Key))}");
                Host.ObserveMembership();
                break;
            case 4:
                QuestionFailed(Random.Pick(unanswered));
                break;
            case 5:
                var lost = Network.Drop(Random);
                Note("message lost", Tracing ? TraceText.Of(lost) : null);
                break;
            case 6:
                if (Network.Duplicate(Random)) Note("message duplicated");
                break;
            case 7:
                var victim = Random.Pick(live);
                Note("silo killed", victim.Key);
                victim.Kill();
                foreach (var trial in Trials) trial.SiloDied(victim);
                break;
            case 8:
                var back = Random.Pick(dead);
                back.Restart();
                Note("silo restarted", back.Key);
                break;
            case 9:
                Note("coordinator restarted");
                Host.Restart();
                break;
            case 10:
                var idle = Random.Pick(Trials);
                if (idle.Deactivate()) Note("idle activation collected", $"trial {idle.Index}");
                break;
            case 11:
                Note("question timed out on its way");
                QuestionFailed(Random.Pick(asking));
                break;
            case 12:
                if (Network.Delay(Random)) Note("call made late");
                break;
        }
    }

    // The reference: the oldest message, else the first run that can step, else a tick.
    private void ActInOrder()
    {
        if (Network.Count > 0)
        {
            Deliver(Network.Take(null));
            return;
        }
        if (Trials.Select(t => t.Advanceable).OfType<TrialRun>().FirstOrDefault() is { } run)
        {
            Trials[run.Activation.Trial].Advance(run);
            return;
        }
        Host.Tick();
    }

    private void QuestionFailed(TrialRun run)
    {
        if (Tracing) Log($"trial {run.Activation.Trial}: question {run.Call} failed");
        Trials[run.Activation.Trial].QuestionFailed(run);
    }

    private bool CallInFlight(TrialRun run) =>
        Network.Any(m => (m is QuestionMessage q && q.Call == run.Call) || (m is DirectiveAnswer d && d.Call == run.Call));

    // A call of the host, or its answer. A call may fail: lost on its way (the trial never saw it) or its answer lost
    // (it did); either way the host sees a failure.
    private void Call(Message message)
    {
        var fails = Faulty && Random.Chance(Options.Faults.CallFails);
        switch (message)
        {
            case StartCall or SnapshotCall when fails:
                var reached = Random.Chance(0.5);
                if (reached) Answer(message);
                Note("coordinator call failed", Tracing ? $"{(reached ? "after it reached the trial" : "on its way")}: {TraceText.Of(message)}" : null);
                Send(message.AsFailure()!);
                break;
            case StartCall or SnapshotCall:
                Send(Answer(message));
                break;
            case PruneCall or CancelCall when fails:
                Note("coordinator call failed", Tracing ? TraceText.Of(message) : null);
                break;
            default:
                Deliver(message);
                break;
        }
    }

    private Message Answer(Message call)
    {
        if (Tracing) Log($"deliver {TraceText.Of(call)}");
        return call switch
        {
            StartCall c => new StartAnswer(c.Start, Trials[c.Start.TrialIndex].Start(c.Start), c.Incarnation),
            SnapshotCall c => new SnapshotAnswer(c.Trial, Trials[c.Trial].Snapshot(), c.Reconcile, c.Incarnation),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call, "not a call with an answer"),
        };
    }

    private void Deliver(Message message)
    {
        if (Tracing) Log($"deliver {TraceText.Of(message)}");
        switch (message)
        {
            case PruneCall call:
                Trials[call.Trial].Prune(call.Reason);
                break;
            case CancelCall call:
                Trials[call.Trial].Cancel();
                break;
            case DirectiveAnswer answer:
                Trials[answer.Call.Trial].Answer(answer);
                break;
            default:
                Host.Receive(message);
                break;
        }
    }

    private int Choose(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var roll = Random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0 && weights[i] > 0) return i;
        }
        return 2;
    }

    private bool MembershipChanged()
    {
        var known = Host.Membership;
        var live = 0;
        foreach (var silo in Silos)
        {
            if (!silo.Live) continue;
            if (!known.Any(k => k.Key == silo.Key)) return true;
            live++;
        }
        return live != known.Count;
    }

    public IReadOnlyList<LiveSilo> LiveSilos() => Silos.Where(s => s.Live).Select(s => s.ToLive()).ToArray();

    public void Send(Message message) => Network.Send(message);

    public int NextId() => ++_ids;

    /// <summary>The hash of the searcher's spec of <paramref name="trial"/> (the spec it runs until PBT changes it).</summary>
    public ulong SearcherSpecHash(int trial) => _searcherHashes[trial] ??= SpecHash(Plan.SearcherSpecJson(trial));

    public ulong SpecHash(string specJson)
    {
        if (!_specHashes.TryGetValue(specJson, out var hash)) _specHashes[specJson] = hash = TrialNature.HashOf(specJson);
        return hash;
    }

    /// <summary>Where the host crashes within a step of <paramref name="commands"/> commands (commands = before the reply); -1: it does not.</summary>
    public int CrashPoint(int commands)
    {
        if (!Faulty || !Random.Chance(Options.Faults.CrashInStep)) return -1;
        Note("coordinator crashed within a step");
        return Random.Next(commands + 1);
    }

    public void OnTrained(SimulatedTrial trial, Silo silo) => Invariants.OnTrained(trial, silo);

    /// <summary>Counts one event of this kind (and traces it).</summary>
    public void Note(string what, string? detail = null)
    {
        _events[what] = _events.GetValueOrDefault(what) + 1;
        if (Tracing) Log(detail is null ? what : $"{what}: {detail}");
    }

    public void Log(string line) => _trace?.Add($"{Step,6} {line}");

    public void Log(SweepEvent @event, Step step)
    {
        if (_trace is null) return;
        Log($"  machine <- {@event.GetType().Name}: {TraceText.Of(@event)}");
        foreach (var command in step.Commands) Log($"  machine -> {TraceText.Of(command)}");
        if (step.Reply is { } reply) Log($"  machine reply {reply.Decision} ({reply.Reason})");
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Violation(string message) => throw new SimulationException(message);
}

/// <summary>An invariant the simulation found violated.</summary>
internal sealed class SimulationException(string message) : Exception(message);
