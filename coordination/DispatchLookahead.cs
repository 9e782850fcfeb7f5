// Pipelining short trials. While a silo's slots train, WaitingPerSilo more trials of a FIFO sweep wait there for the
// next free slot, so that the bookkeeping between two trials (the coordinator hearing of the end, choosing the next trial, the
// next trial grain's activation, its state read and its start) happens while the previous trial trains instead of
// between them. That pays only while the bookkeeping is a noticeable share of a trial: for trials of seconds or more
// it is not, and a trial waiting behind a busy silo while another silo idles at the end of a sweep would cost more
// than it saves. So the sweep looks ahead only while its recent trials trained for less than ShortTrial. Sweeps with
// a trial scheduler (ASHA, Hyperband, median stopping, PBT) keep one trial per slot: their decisions count the trials
// in flight.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination;

/// <summary>How many trials wait on each silo beyond its slots: WaitingPerSilo while a FIFO sweep's trials are short, else 0.</summary>
public sealed class DispatchLookahead
{
    /// <summary>Trials that train for less than this (their recent average) are pipelined.</summary>
    public static readonly TimeSpan ShortTrial = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Trials waiting on a silo while its trials are short: two, so that a slot still finds the next trial waiting
    /// while the store commits a batch of rows (bench/README.md measures one and two).
    /// </summary>
    public const int WaitingPerSilo = 2;

    /// <summary>The weight of the newest trial in the running average, so that a change of pace shows within a few trials.</summary>
    private const double NewestWeight = 0.25;

    private double? _averageSeconds;

    /// <summary>The recent average training time of a completed trial; null before the first.</summary>
    public TimeSpan? AverageTrial => _averageSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    /// <summary>A trial completed after training for <paramref name="wallSeconds"/> (over all its attempts).</summary>
    public void Observe(double wallSeconds)
    {
        if (!double.IsFinite(wallSeconds) || wallSeconds < 0) return;
        _averageSeconds = _averageSeconds is { } average ? average + NewestWeight * (wallSeconds - average) : wallSeconds;
    }

    /// <summary>Trials to place on each silo beyond its slots, for a sweep with <paramref name="scheduler"/>.</summary>
    public int PerSilo(SchedulerKind scheduler) =>
        scheduler == SchedulerKind.Fifo && _averageSeconds is { } seconds && seconds < ShortTrial.TotalSeconds ? WaitingPerSilo : 0;
}
