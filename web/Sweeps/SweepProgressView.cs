// What the pages say about a sweep's progress, computed once from a SweepProgress: finished trials, the fraction
// done, whether it will change again, and an ETA. No HTML here.
using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Web.Sweeps;

/// <summary>Derived progress figures of one sweep.</summary>
public sealed record SweepProgressView(SweepProgress Progress)
{
    /// <summary>Trials in a terminal state.</summary>
    public int Finished => Progress.Finished;

    /// <summary>The page's report shows every ended trial (false while the store is still catching up with an ended sweep).</summary>
    public bool ReportSettled { get; init; } = true;

    /// <summary>Nothing about the sweep or its page will change any more: the page stops refreshing.</summary>
    public bool IsFinal => Progress.IsOver && ReportSettled;

    /// <summary>Epochs done over epochs planned, in [0, 1].</summary>
    public double Fraction => Progress.EpochsPlanned > 0 ? Math.Clamp((double)Progress.EpochsDone / Progress.EpochsPlanned, 0, 1) : IsFinal ? 1 : 0;

    /// <summary>The remaining time at the rate so far; null before any epoch or after the end.</summary>
    public TimeSpan? Eta(DateTimeOffset now)
    {
        if (IsFinal || Progress.EpochsDone <= 0 || Progress.EpochsPlanned <= Progress.EpochsDone) return null;
        var elapsed = now - Progress.CreatedAt;
        return elapsed * ((double)(Progress.EpochsPlanned - Progress.EpochsDone) / Progress.EpochsDone);
    }
}
