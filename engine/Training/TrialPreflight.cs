// The checks of a trial spec that need its data (the parser cannot make them): run by the trainer before it builds
// anything, and by a coordinator before it accepts a sweep, so such a trial is refused at submission, not at run time.
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Specs;

namespace SweepCluster.Engine.Training;

public static class TrialPreflight
{
    /// <summary>Every problem of <paramref name="spec"/> against <paramref name="data"/>; empty when it can run.</summary>
    public static IReadOnlyList<SpecError> Check(TrialSpec spec, TrainingData data, string source = SpecError.InlineSource)
    {
        var errors = new List<SpecError>();
        if (spec.Loss == LossKind.CrossEntropy && data.Task == TaskKind.Regression)
            errors.Add(new SpecError(source, "loss", null, "cross_entropy needs a classification task; use mse for regression"));
        var initialBatch = spec.BatchSize.Initial;
        if (spec.BatchSize.Max is null && initialBatch > data.Train.Rows)
            errors.Add(new SpecError(source, "batch_size.initial", null,
                $"batch size {initialBatch} is larger than the training set ({data.Train.Rows} rows after the validation split); " +
                $"use at most {data.Train.Rows}, or set batch_size.max to allow clamping"));
        return errors;
    }
}
