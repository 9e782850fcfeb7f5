// Forces the interleaving in which a PBT copier is started again while its previous attempt is still winding down to
// its pause: every member but the last keeps its first attempt from returning after it stopped at the boundary, the
// last (the best at that boundary, so never a copier) starts only once they all wait, and the donor's checkpoint is
// handed out only after they have been let go, so the winding-down attempts stop while the copier's start awaits it.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Engine.Training;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Adaptive;

/// <summary>The engine, with first attempts held at the decision boundary and one member held back until they all are.</summary>
public sealed class WindDownRaceExecutor(int population, int lastMember) : ITrialExecutor
{
    /// <summary>No gate waits longer than this: a test that goes wrong fails instead of hanging.</summary>
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(30);

    private readonly EngineTrialExecutor _engine = new();
    private readonly ManualResetEventSlim _allWinding = new();
    private readonly ManualResetEventSlim _released = new();
    private readonly CountdownEvent _returned = new(population - 1);
    private int _winding;

    /// <summary>How long each member's first attempt was held after it stopped at the boundary.</summary>
    public ConcurrentDictionary<int, TimeSpan> Held { get; } = new();

    /// <summary>Lets the held attempts return; true once every one of them has.</summary>
    public bool ReleaseAndWaitForReturns()
    {
        _released.Set();
        return _returned.Wait(GateTimeout);
    }

    public TrainingResult Run(TrialAssignment assignment, IDatasetSource data, byte[]? checkpoint, ChannelWriter<EpochProgress> progress, CancellationToken cancellation)
    {
        var first = assignment.Attempt == 1;
        if (first && assignment.TrialIndex == lastMember && !_allWinding.Wait(GateTimeout))
            throw new TimeoutException("the other members never stopped at the boundary");
        var result = _engine.Run(assignment, data, checkpoint, progress, cancellation);
        var stoppedAtBoundary = result.Outcome == TrialOutcome.Cancelled && !cancellation.IsCancellationRequested;
        if (!first || assignment.TrialIndex == lastMember || !stoppedAtBoundary) return result;

        if (Interlocked.Increment(ref _winding) == population - 1) _allWinding.Set();
        var clock = Stopwatch.StartNew();
        _released.Wait(GateTimeout);
        Held[assignment.TrialIndex] = clock.Elapsed;
        _returned.Signal();
        return result;
    }
}

/// <summary>Holds every checkpoint copy until the executor's held attempts have returned and had time to stop.</summary>
public sealed class HeldCopyFilter(WindDownRaceExecutor executor) : IIncomingGrainCallFilter
{
    /// <summary>From an attempt's training thread returning to its grain having stored the pause.</summary>
    private static readonly TimeSpan StopAtBoundaryAllowance = TimeSpan.FromMilliseconds(250);

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == nameof(ITrialGrain.GetCheckpointAsync))
        {
            Assert.True(executor.ReleaseAndWaitForReturns(), "the held attempts did not return");
            await Task.Delay(StopAtBoundaryAllowance);
        }
        await context.Invoke();
    }
}
