// Where an optimizer step sits on the applied-schedule chart's epoch axis: epoch e (1-based) spans [e − 1, e), and its
// steps divide that span evenly, so step s of an epoch of n steps starting at step b sits at e − 1 + (s − b)/n. The
// validation metric measured after epoch e sits at x = e, right after the epoch's last step. Epochs of different
// lengths (an adaptive batch size) each keep one unit of the axis.
using SweepCluster.Core;

namespace SweepCluster.Reporting.Charts;

/// <summary>Fractional epoch positions of the steps of one trial's history.</summary>
internal sealed class StepEpochPosition
{
    // _ends[e]: the steps completed after epoch e + 1 (the history's Step), increasing.
    private readonly long[] _ends;

    public StepEpochPosition(IReadOnlyList<EpochRecord> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _ends = history.Select(e => e.Step).ToArray();
    }

    /// <summary>The steps the history covers: every step before this one has a position.</summary>
    public long Steps => _ends.Length == 0 ? 0 : _ends[^1];

    /// <summary>
    /// The x of step <paramref name="step"/> (0 ≤ step ≤ <see cref="Steps"/>); <see cref="Steps"/> itself, the end of the
    /// last step, sits at the number of epochs.
    /// </summary>
    public double X(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(step, Steps);
        if (step == Steps) return _ends.Length;
        var epoch = Array.BinarySearch(_ends, step);
        epoch = epoch >= 0 ? epoch + 1 : ~epoch; // the 0-based epoch whose steps include `step`
        var start = epoch == 0 ? 0 : _ends[epoch - 1];
        return epoch + (double)(step - start) / (_ends[epoch] - start);
    }
}
