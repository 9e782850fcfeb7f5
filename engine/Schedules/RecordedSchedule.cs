// The schedule family of replay: the exact values a run applied, as pieces [start, value] on a clock. A piece holds
// from its start until the next piece starts; the last holds to the end. No state and no reaction to the run: with
// the same data, seed and model it makes the trainer apply the recorded values again, bit for bit.
using SweepCluster.Core.Specs;

namespace SweepCluster.Engine.Schedules;

/// <summary>Piecewise-constant values taken from a recorded run.</summary>
public sealed class RecordedSchedule : Schedule
{
    private readonly long[] _starts;
    private readonly double[] _values;
    private readonly double[]? _layers;

    /// <param name="pieces">By strictly increasing start; the first starts at 0 (the binder checks both).</param>
    /// <param name="layers">Per-layer multipliers (a recorded fan_in learning rate); null when all are 1.</param>
    public RecordedSchedule(IReadOnlyList<SchedulePiece> pieces, IReadOnlyList<double>? layers, ScheduleClock clock) : base(clock)
    {
        if (pieces.Count == 0) throw new ArgumentException("a recorded schedule needs at least one piece.", nameof(pieces));
        _starts = pieces.Select(p => p.Start).ToArray();
        _values = pieces.Select(p => p.Value).ToArray();
        _layers = layers?.ToArray();
    }

    public override double ValueAt(long t)
    {
        var index = Array.BinarySearch(_starts, t);
        if (index < 0) index = Math.Max(0, ~index - 1);
        return _values[index];
    }

    public override double LayerMultiplier(int layer) => _layers is { } layers && layer < layers.Length ? layers[layer] : 1.0;
}
