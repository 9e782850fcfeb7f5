// Counts every epoch every trial trains, on every silo of a test cluster, and holds each run at one epoch until the
// test lets it go: a deterministic "mid-sweep" to kill a silo in, with no sleeps. A run is counted where its engine
// trains, before the grain hears of the epoch, so an epoch trained and then lost (an attempt stopped before it stored
// it) still counts. A silo the test kills is marked dead here too: its runs stop at once and whatever they would still
// train (in-process silos outlive their kill) is not counted, as a dead process trains nothing.
using System.Collections.Concurrent;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Faults;

/// <summary>One run of a trial, as an executor saw it start.</summary>
public sealed record CountedRun(int TrialIndex, int Attempt, SiloAddress Silo);

/// <summary>The epochs trained per trial across a cluster, and the gate that holds runs at <see cref="HoldAtEpoch"/>.</summary>
public sealed class EpochLedger(int holdAtEpoch)
{
    /// <summary>No wait for held runs lasts longer: a test that goes wrong fails instead of hanging.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>No run is held longer (longer than any wait of the test, so a held run never lets itself go first).</summary>
    private static readonly TimeSpan LongestHold = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<(int Trial, int Epoch), int> _trained = new();
    private readonly ConcurrentDictionary<CountedRun, byte> _held = new();
    private readonly ConcurrentQueue<CountedRun> _runs = new();
    private readonly ConcurrentDictionary<SiloAddress, CancellationTokenSource> _silos = new();
    private readonly ManualResetEventSlim _released = new();

    /// <summary>Every run holds after training this epoch (before its grain hears of it) until <see cref="Release"/>.</summary>
    public int HoldAtEpoch { get; } = holdAtEpoch;

    /// <summary>Every run started, in order.</summary>
    public IReadOnlyList<CountedRun> Runs => _runs.ToArray();

    /// <summary>The runs held at <see cref="HoldAtEpoch"/> right now, on silos still alive.</summary>
    public IReadOnlyList<CountedRun> Held => _held.Keys.Where(r => !IsDead(r.Silo)).OrderBy(r => r.TrialIndex).ToArray();

    /// <summary>How often trial <paramref name="trial"/> trained epoch <paramref name="epoch"/>, over every silo.</summary>
    public int TimesTrained(int trial, int epoch) => _trained.GetValueOrDefault((trial, epoch));

    /// <summary>Lets every held run, and every run still to come, train on.</summary>
    public void Release() => _released.Set();

    /// <summary>The silo is dead from now on: its runs stop and train nothing more.</summary>
    public void Kill(SiloAddress silo) => SiloToken(silo).Cancel();

    /// <summary>Waits until exactly <paramref name="runs"/> runs on live silos are held (at most <see cref="Patience"/>).</summary>
    public async Task<IReadOnlyList<CountedRun>> WaitForHeldAsync(int runs)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (Held.Count != runs)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{Held.Count} run(s) held, not {runs}: {string.Join("; ", Held)}");
            await Task.Delay(PollInterval);
        }
        return Held;
    }

    /// <summary>The executor of one silo: the engine, counted and gated.</summary>
    public ITrialExecutor ExecutorFor(SiloAddress silo) => new CountingExecutor(this, silo);

    private bool IsDead(SiloAddress silo) => SiloToken(silo).IsCancellationRequested;

    private CancellationTokenSource SiloToken(SiloAddress silo) => _silos.GetOrAdd(silo, _ => new CancellationTokenSource());

    private sealed class CountingExecutor(EpochLedger ledger, SiloAddress silo) : ITrialExecutor
    {
        private readonly EngineTrialExecutor _engine = new();

        public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
        {
            var run = new CountedRun(assignment.TrialIndex, assignment.Attempt, silo);
            ledger._runs.Enqueue(run);
            using var stopped = CancellationTokenSource.CreateLinkedTokenSource(cancellation, ledger.SiloToken(silo).Token);
            return _engine.Run(assignment, data, checkpoint, new CountingWriter(ledger, run, progress, stopped.Token), stopped.Token);
        }
    }

    // Called on the run's training thread for each epoch the engine finished.
    private sealed class CountingWriter(EpochLedger ledger, CountedRun run, ChannelWriter<EpochProgress> inner, CancellationToken stopped)
        : ChannelWriter<EpochProgress>
    {
        public override bool TryWrite(EpochProgress item)
        {
            if (ledger.IsDead(run.Silo)) return true; // a dead process trains and reports nothing
            ledger._trained.AddOrUpdate((run.TrialIndex, item.Record.Epoch), 1, (_, times) => times + 1);
            if (item.Record.Epoch == ledger.HoldAtEpoch && !ledger._released.IsSet) Hold();
            return ledger.IsDead(run.Silo) || inner.TryWrite(item);
        }

        private void Hold()
        {
            ledger._held[run] = 0;
            try
            {
                if (!ledger._released.Wait(LongestHold, stopped) && !stopped.IsCancellationRequested)
                    throw new TimeoutException($"trial {run.TrialIndex} was held for longer than {LongestHold}");
            }
            catch (OperationCanceledException)
            {
                // Its attempt was stopped (its grain deactivated, or its silo killed): the engine stops at its next batch.
            }
            finally
            {
                ledger._held.TryRemove(run, out _);
            }
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inner.WaitToWriteAsync(cancellationToken);

        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);
    }
}
