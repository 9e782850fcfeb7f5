// What a plotted trial applied at every optimizer step, thinned to a bounded trace per schedule (StepTraceThinning).
// It comes from the values the trainer recorded as it handed them to the optimizer (its checkpoint's applied
// schedule), so it holds adaptive policies' and PBT's changes as they happened; nothing here re-evaluates a schedule.
// Only the report's plotted trials carry one: the sweep stores nothing extra for it.
using System.Text.Json.Serialization;

namespace SweepCluster.Core.Reports;

/// <summary>The learning rate, weight decay and batch size a trial applied, step by step.</summary>
/// <param name="Steps">Optimizer steps the traces cover: steps 0 to Steps − 1 of the run.</param>
/// <param name="LearningRate">The base learning rate of each step (a fan_in policy's constant per-layer multipliers apart).</param>
/// <param name="WeightDecay">The weight-decay coefficient of each step.</param>
/// <param name="BatchSize">The rows of each step's batch (the epoch's last batch holds what is left).</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.AppliedSteps")]
public sealed record AppliedSteps(
    [property: Id(0)] long Steps,
    [property: Id(1)] StepTrace LearningRate,
    [property: Id(2)] StepTrace WeightDecay,
    [property: Id(3)] StepTrace BatchSize);

/// <summary>
/// One schedule's applied values at some steps, by increasing step: always the first and the last step. When
/// <see cref="Exact"/>, every step where the value changed is there, so a value held from its step to the next point's
/// is exactly what each step applied; otherwise the trace is an even sample (see StepTraceThinning) with the changes
/// into long runs kept.
/// </summary>
/// <param name="Steps">The 0-based steps, strictly increasing.</param>
/// <param name="Values">The value applied at each of <paramref name="Steps"/>.</param>
/// <param name="Exact">Whether every change of value is in the trace.</param>
[GenerateSerializer, Immutable, Alias("SweepCluster.StepTrace")]
public sealed record StepTrace(
    [property: Id(0)] IReadOnlyList<long> Steps,
    [property: Id(1)] IReadOnlyList<double> Values,
    [property: Id(2)] bool Exact)
{
    /// <summary>How many points the trace holds.</summary>
    [JsonIgnore]
    public int Count => Steps.Count;
}
