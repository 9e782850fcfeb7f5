// The per-step trace of a plotted trial, read from what its trainer recorded: the applied schedule that every
// checkpoint carries (every step's learning rate, weight decay and batch size, as handed to the optimizer, including a
// PBT donor's steps before the exploit). A completed trial's last checkpoint is of its last epoch, so it covers the
// whole run. Nothing is re-evaluated: the trace is what was applied, thinned by StepTraceThinning.
using SweepCluster.Core.Reports;
using SweepCluster.Engine.Training;

namespace SweepCluster.Reporting;

/// <summary>Turns a run's applied schedule into the report's bounded <see cref="AppliedSteps"/>.</summary>
public static class AppliedStepsReader
{
    /// <summary>The trace of <paramref name="applied"/>.</summary>
    public static AppliedSteps Of(AppliedSchedule applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return new AppliedSteps(applied.LearningRate.Count,
            StepTraceThinning.Thin(applied.LearningRate),
            StepTraceThinning.Thin(applied.WeightDecay),
            StepTraceThinning.Thin(applied.BatchSize.Select(b => (double)b).ToArray()));
    }

    /// <summary>The trace of a checkpoint's applied schedule (CheckpointSerializer bytes).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a checkpoint.</exception>
    public static AppliedSteps FromCheckpoint(ReadOnlySpan<byte> checkpoint) => Of(CheckpointSerializer.Deserialize(checkpoint).Applied);
}
