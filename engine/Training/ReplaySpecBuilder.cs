// Turns what a run actually applied (a checkpoint's AppliedSchedule: every step's learning rate, weight decay and
// batch size, including plateau, adaptive and population-based changes) into a trial spec whose three schedules are
// `recorded`: training that spec from scratch applies the same values at every step and so gives the same bits.
// The pieces are run-length encoded: on the epoch clock when every epoch holds one value, else on the step clock.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;

namespace SweepCluster.Engine.Training;

public static class ReplaySpecBuilder
{
    /// <summary>
    /// The spec that replays <paramref name="checkpoint"/>'s run of <paramref name="spec"/> up to the checkpoint's epoch.
    /// <paramref name="spec"/> supplies data, model, optimizer and seed (for a trial that copied another's state, the
    /// seed of the run the weights came from).
    /// </summary>
    public static TrialSpec Build(TrialSpec spec, TrainerCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var applied = checkpoint.Applied;
        var epochStarts = EpochStarts(checkpoint);
        return spec with
        {
            LearningRate = Recorded(applied.LearningRate, epochStarts) with { Layers = LayerMultipliers(spec, checkpoint) },
            WeightDecay = Recorded(applied.WeightDecay, epochStarts),
            BatchSize = RecordedBatch(applied.BatchSize, epochStarts),
            Epochs = checkpoint.Epoch,
        };
    }

    /// <summary>The first step of every epoch, plus the step count at the end (one more entry than epochs).</summary>
    private static long[] EpochStarts(TrainerCheckpoint checkpoint)
    {
        var starts = new long[checkpoint.History.Count + 1];
        for (var e = 0; e < checkpoint.History.Count; e++) starts[e + 1] = checkpoint.History[e].Step;
        return starts;
    }

    private static ScheduleSpec Recorded(IReadOnlyList<double> perStep, long[] epochStarts)
    {
        var perEpoch = PerEpoch(epochStarts, (first, last) => AllEqual(perStep, first, last) ? perStep[(int)first] : null);
        return perEpoch is not null ? Pieces(perEpoch, ScheduleClock.Epoch) : Pieces(perStep, ScheduleClock.Step);
    }

    // A batch size holds for an epoch when every step but the last uses it and the last (the remainder) is no larger.
    private static ScheduleSpec RecordedBatch(IReadOnlyList<int> perStep, long[] epochStarts)
    {
        var perEpoch = PerEpoch(epochStarts, (first, last) =>
        {
            var size = perStep[(int)first];
            for (var s = first; s < last - 1; s++) if (perStep[(int)s] != size) return null;
            return perStep[(int)(last - 1)] <= size ? size : null;
        });
        return perEpoch is not null ? Pieces(perEpoch, ScheduleClock.Epoch) : Pieces(perStep.Select(b => (double)b).ToArray(), ScheduleClock.Step);
    }

    /// <summary>One value per epoch, or null when some epoch does not hold a single value.</summary>
    private static double[]? PerEpoch(long[] epochStarts, Func<long, long, double?> valueOf)
    {
        var values = new double[epochStarts.Length - 1];
        for (var e = 0; e < values.Length; e++)
        {
            if (epochStarts[e + 1] <= epochStarts[e] || valueOf(epochStarts[e], epochStarts[e + 1]) is not { } value) return null;
            values[e] = value;
        }
        return values.Length > 0 ? values : null;
    }

    private static bool AllEqual(IReadOnlyList<double> values, long first, long last)
    {
        for (var s = first + 1; s < last; s++)
            if (BitConverter.DoubleToInt64Bits(values[(int)s]) != BitConverter.DoubleToInt64Bits(values[(int)first])) return false;
        return true;
    }

    // Run-length encoding: a new piece wherever the value's bits change.
    private static ScheduleSpec Pieces(IReadOnlyList<double> values, ScheduleClock clock)
    {
        var pieces = new List<SchedulePiece>();
        for (var t = 0; t < values.Count; t++)
            if (pieces.Count == 0 || BitConverter.DoubleToInt64Bits(pieces[^1].Value) != BitConverter.DoubleToInt64Bits(values[t]))
                pieces.Add(new SchedulePiece(t, values[t]));
        if (pieces.Count == 0) pieces.Add(new SchedulePiece(0, 0));
        return new ScheduleSpec { Family = ScheduleFamily.Recorded, Every = clock, Values = pieces, Initial = pieces[0].Value };
    }

    // fan_in learning rates scale each layer by a constant the applied base values do not show; keep them.
    private static IReadOnlyList<double>? LayerMultipliers(TrialSpec spec, TrainerCheckpoint checkpoint)
    {
        var fanIns = checkpoint.Weights.Select((w, l) => w.Length / Math.Max(1, checkpoint.Biases[l].Length)).ToArray();
        var schedule = ScheduleFactory.Create(spec.LearningRate, ScheduleTarget.LearningRate, new ScheduleContext(1, Math.Max(1, spec.Epochs), fanIns, 1.0));
        var multipliers = fanIns.Select((_, l) => schedule.LayerMultiplier(l)).ToArray();
        return multipliers.All(m => m == 1.0) ? null : multipliers;
    }
}
