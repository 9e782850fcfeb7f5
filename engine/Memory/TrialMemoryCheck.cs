// Refuses a trial whose estimated memory is over the budget, with an error that names the field to change (batch_size
// when a smaller batch would fit, else model.hidden), the estimate, the budget, and what would fit: the widest hidden
// layers, or the largest batch, that keep this trial within the budget. Used by the sweep checks and by a silo before
// it trains.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Memory;

public static class TrialMemoryCheck
{
    public const string HiddenField = "model.hidden";
    public const string BatchSizeField = "batch_size";

    /// <summary>The refusal of <paramref name="spec"/> on data of <paramref name="shape"/>; null when it fits.</summary>
    public static SpecError? Check(TrialSpec spec, TrialShape shape, TrialMemoryBudget budget, string source = SpecError.InlineSource) =>
        Check(spec, shape, TrialMemoryEstimator.Estimate(spec, shape), budget, source);

    /// <summary>The refusal for an estimate already made; null when it fits.</summary>
    public static SpecError? Check(TrialSpec spec, TrialShape shape, TrialMemoryEstimate estimate, TrialMemoryBudget budget,
        string source = SpecError.InlineSource)
    {
        if (budget.Fits(estimate)) return null;
        var width = WidestHidden(spec, shape, estimate.LargestBatch, budget);
        var batch = LargestBatch(spec, shape, estimate.LargestBatch, budget);
        var field = batch is null ? HiddenField : BatchSizeField;
        var message =
            $"the trial needs about {ByteCount.Format(estimate.Total)} of memory, over the budget of {budget} per trial " +
            $"({TrialMemoryBudget.Flag}); the model takes {ByteCount.Format(estimate.ModelBytes)} (parameters, gradients, " +
            $"{spec.Optimizer.Type.ToString().ToLowerInvariant()} state, a checkpoint), the batch ({estimate.LargestBatch:N0} rows) " +
            $"{ByteCount.Format(estimate.BatchBytes)}; {WhatFits(width, batch)}";
        return new SpecError(source, field, null, message);
    }

    private static string WhatFits(int? width, int? batch)
    {
        var fits = new List<string>();
        if (width is { } w) fits.Add($"{HiddenField} with layers of at most {w:N0}");
        if (batch is { } b) fits.Add($"{BatchSizeField} (or its max) at most {b:N0}");
        return fits.Count > 0
            ? $"what would fit: {string.Join(", or ", fits)}"
            : $"nothing of this size fits: use smaller hidden layers and batch size, or raise {TrialMemoryBudget.Flag}";
    }

    // The widest w below the widest layer such that every layer capped at w fits (the estimate grows with every width).
    private static int? WidestHidden(TrialSpec spec, TrialShape shape, int batch, TrialMemoryBudget budget)
    {
        if (spec.Model.Hidden.Count == 0) return null;
        bool Fits(int width) => budget.Fits(TrialMemoryEstimator.Estimate(
            spec.Model.Hidden.Select(h => Math.Min(h, width)).ToArray(), spec.Optimizer, spec.BatchSize, shape, batch));
        return LargestFitting(spec.Model.Hidden.Max() - 1, Fits);
    }

    private static int? LargestBatch(TrialSpec spec, TrialShape shape, int batch, TrialMemoryBudget budget) =>
        LargestFitting(batch - 1, b => budget.Fits(TrialMemoryEstimator.Estimate(spec, shape, b)));

    // The largest n in [1, upper] with fits(n), for fits true up to some n and false above; null when fits(1) is false.
    private static int? LargestFitting(int upper, Func<int, bool> fits)
    {
        if (upper < 1 || !fits(1)) return null;
        var (low, high) = (1, upper);
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            if (fits(middle)) low = middle;
            else high = middle - 1;
        }
        return low;
    }
}
