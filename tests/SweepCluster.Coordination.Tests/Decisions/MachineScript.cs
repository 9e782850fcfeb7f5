// A SweepMachine driven by hand, one event per line of a test: the sweep's spec, a clock that ticks one second per
// event, silos named a, b, c, and shorthands for what trials say (epochs, a question, an end, a start's answer, a
// reconciliation). Each method returns the machine's Step so a test can look at the commands and the reply.
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Decisions;

internal sealed class MachineScript
{
    public static readonly TimeSpan ReconcilePeriod = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _seconds;

    public MachineScript(string yaml) : this(SweepMachine.New(Specs.Plan(yaml), ReconcilePeriod)) { }

    private MachineScript(SweepMachine machine) => Machine = machine;

    public SweepMachine Machine { get; private set; }
    public SweepPlan Plan => Machine.Plan;
    public Step Last { get; private set; } = new([]);
    public DateTimeOffset Now => Epoch.AddSeconds(_seconds);

    /// <summary>Silo <paramref name="name"/> ("a") with <paramref name="slots"/> slots: key "a:11111@1", endpoint "a:11111".</summary>
    public static LiveSilo Silo(string name, int slots = 1) => new($"{name}:11111@1", $"{name}:11111", slots);

    /// <summary>The sweep started on these silos (membership first, so the start dispatches).</summary>
    public static MachineScript Started(string yaml, params LiveSilo[] silos)
    {
        var script = new MachineScript(yaml);
        script.Observe(silos);
        script.Handle(new SweepStarted(script.Plan.Spec.Name, script.Now));
        return script;
    }

    public TrialSummary this[int trial] => Machine.Trials[trial];

    public Step Handle(SweepEvent @event) => Last = Machine.Handle(@event);

    public Step Observe(params LiveSilo[] silos) => Handle(new MembershipObserved(silos, Later()));

    public Step Tick(int seconds = 1) => Handle(new Ticked(Later(seconds)));

    /// <summary>
    /// A tick; when it reconciles, every trial asked about is found training where it was sent, but for the answers
    /// given in <paramref name="answers"/>.
    /// </summary>
    public Step Settle(params (int Trial, TrialView? View)[] answers)
    {
        var step = Tick();
        if (step.Commands.OfType<ReconcileTrials>().SingleOrDefault() is not { } reconcile) return step;
        return Reconciled(reconcile.TrialIndices
            .Select(t => answers.Any(a => a.Trial == t) ? answers.First(a => a.Trial == t) : (t, Training(t)))
            .ToArray());
    }

    /// <summary>Trial <paramref name="trial"/>'s grain, training its current attempt where it was sent.</summary>
    public TrialView Training(int trial) =>
        View(TrialStatus.Running, this[trial].Attempt, this[trial].EpochsDone, training: true, silo: this[trial].AssignedSilo!.Split('@')[0]);

    /// <summary>A trial grain that never took a start (attempt 0), or one left idle at <paramref name="epochs"/>.</summary>
    public static TrialView Idle(int attempt = 0, int epochs = 0, TrialStatus status = TrialStatus.Pending) =>
        View(status, attempt, epochs, training: false, silo: attempt == 0 ? null : "a:11111");

    public Step Cancel() => Handle(new CancelRequested(Later()));

    public Step Resume() => Handle(new ResumeRequested(Later()));

    public Step Extend(int combinations = 0, params long[] seeds) => Handle(new ExtendRequested(new SweepExtension(combinations, [.. seeds]), Later()));

    public Step Extend(SweepExtension extension) => Handle(new ExtendRequested(extension, Later()));

    /// <summary>The starts in <paramref name="step"/> (default: the last step), in order.</summary>
    public IReadOnlyList<StartTrial> Starts(Step? step = null) => (step ?? Last).Commands.OfType<StartTrial>().ToArray();

    public StartTrial StartOf(int trial, Step? step = null) => Assert.Single(Starts(step), s => s.TrialIndex == trial);

    /// <summary>The trial grain took <paramref name="start"/> and answers (by default: pending, training where it was sent, no epochs).</summary>
    public Step Answer(StartTrial start, TrialView? view = null) =>
        Handle(new TrialStartAnswered(start, view ?? View(TrialStatus.Pending, start.Attempt, 0, training: true, silo: start.Silo.Split('@')[0]), Later()));

    /// <summary>Answers every start of <paramref name="step"/> (default: the last step).</summary>
    public void AnswerAll(Step? step = null)
    {
        foreach (var start in Starts(step)) Answer(start);
    }

    public Step StartFailed(StartTrial start) => Handle(new TrialStartFailed(start, Later()));

    public Step Epochs(int trial, int attempt, params int[] epochs) =>
        Handle(new EpochsReported(Progress(trial, attempt, epochs.Select(e => Record(e, 0.5)).ToArray()), Later()));

    /// <summary>Trial <paramref name="trial"/> waits after <paramref name="epoch"/> with this metric and asks what to do.</summary>
    public Step Ask(int trial, int attempt, int epoch, double metric) =>
        Handle(new DecisionAsked(Progress(trial, attempt, [Record(epoch, metric)]), Later()));

    public Step End(int trial, int attempt, TrialStatus status, int epoch, double metric = 0.5, string? error = null, HeldOutEvaluation? test = null) =>
        Handle(new AttemptEnded(new TrialEnd(trial, attempt, status, epoch > 0 ? Record(epoch, metric) : null, error, "a:11111", epoch, Test: test),
            Later()));

    public Step Reconciled(params (int Trial, TrialView? View)[] answers) =>
        Handle(new TrialsReconciled(answers.Select(a => new ReconciledTrial(a.Trial, a.View)).ToArray(), Later()));

    /// <summary>The coordinator restarts from <paramref name="state"/> and sees <paramref name="silos"/>.</summary>
    public void Restore(SweepState state, params LiveSilo[] silos)
    {
        Machine = SweepMachine.Restore(Plan, state, ReconcilePeriod);
        Observe(silos);
    }

    public static EpochRecord Record(int epoch, double metric) => new(epoch, epoch * 10L, 1 - metric, metric, 1 - metric, metric, null, 0.1, 0, 32);

    public static TrialView View(TrialStatus status, int attempt, int epochs, bool training, string? silo = "a:11111", double metric = 0.5) =>
        new(status, attempt, epochs > 0 ? Record(epochs, metric) : null, null, silo, epochs, training, null);

    private static TrialProgress Progress(int trial, int attempt, IReadOnlyList<EpochRecord> records) =>
        new(trial, attempt, records, "a:11111", records.Count);

    private DateTimeOffset Later(int seconds = 1)
    {
        _seconds += seconds;
        return Now;
    }
}
