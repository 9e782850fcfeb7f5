using System.Text.Json.Serialization;

namespace SweepCluster.Core.Specs;

/// <summary>
/// One schedule as written in a spec. Which fields matter depends on <see cref="Family"/>; the formulas are in
/// <c>Schedules/</c> and docs/spec.md. <c>t</c> counts from 0 on <see cref="Every"/>'s clock.
/// </summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.ScheduleSpec")]
public sealed record ScheduleSpec
{
    [Id(0)] public ScheduleFamily Family { get; init; } = ScheduleFamily.Constant;

    /// <summary>v0: the value at t = 0 (before warm-up).</summary>
    [Id(1)] public double Initial { get; init; }

    /// <summary>The value that polynomial and cosine end at (default 0).</summary>
    [Id(2)] public double Final { get; init; }

    /// <summary>inverse_time: v0·(1 + α·t)^(−β).</summary>
    [Id(3)] public double Alpha { get; init; }

    /// <summary>inverse_time and polynomial exponent.</summary>
    [Id(4)] public double Beta { get; init; } = 1.0;

    /// <summary>exponential and step: the multiplicative factor.</summary>
    [Id(5)] public double Gamma { get; init; } = 0.1;

    /// <summary>step: the period of the decay; ignored when <see cref="Milestones"/> is given.</summary>
    [Id(6)] public long StepSize { get; init; }

    /// <summary>step: the t values at which the value is multiplied by γ.</summary>
    [Id(7)] public IReadOnlyList<long> Milestones { get; init; } = [];

    /// <summary>For t &lt; W the value is multiplied by (t+1)/W.</summary>
    [Id(8)] public long Warmup { get; init; }

    /// <summary>Null: the target's default (step for learning rate and weight decay, epoch for batch size).</summary>
    [Id(9)] public ScheduleClock? Every { get; init; }

    /// <summary>Lower clamp (batch size default 1; plateau's min_lr).</summary>
    [Id(10)] public double? Min { get; init; }

    /// <summary>Upper clamp (batch size default: the training-set size).</summary>
    [Id(11)] public double? Max { get; init; }

    // ---- adaptive policies ----

    /// <summary>plateau: the multiplier applied on a plateau (0 &lt; factor &lt; 1).</summary>
    [Id(12)] public double Factor { get; init; } = 0.1;

    /// <summary>plateau: epochs without improvement before reducing.</summary>
    [Id(13)] public int Patience { get; init; } = 10;

    /// <summary>plateau: relative improvement that counts (threshold_mode='rel').</summary>
    [Id(14)] public double Threshold { get; init; } = 1e-4;

    /// <summary>plateau: epochs to wait after a reduction before counting again.</summary>
    [Id(15)] public int Cooldown { get; init; }

    /// <summary>noise_scale: weight of the previous estimate in the exponential moving average.</summary>
    [Id(16)] public double Smoothing { get; init; } = 0.9;

    /// <summary>fan_in: exponent p of (reference / fan_in)^p; feature_scale: unused.</summary>
    [Id(17)] public double Power { get; init; } = 0.5;

    /// <summary>fan_in: the fan-in whose layer keeps the base rate (default: the first layer's fan-in).</summary>
    [Id(18)] public double? Reference { get; init; }

    /// <summary>Adaptive policies modulate this schedule (default: constant at <see cref="Initial"/>).</summary>
    [Id(19)] public ScheduleSpec? Base { get; init; }

    /// <summary>recorded: the pieces, by increasing start (the first starts at 0); null for every other family.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(20)] public IReadOnlyList<SchedulePiece>? Values { get; init; }

    /// <summary>recorded learning rate: the per-layer multipliers the run applied (fan_in); null when all are 1.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(21)] public IReadOnlyList<double>? Layers { get; init; }

    /// <summary>
    /// A constant multiplier on the whole schedule (null = 1). Not a spec key: population-based training sets it when
    /// it perturbs a trial's hyperparameters (explore), and it travels only with a trial spec (grain messages, canonical JSON).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(22)] public double? Scale { get; init; }

    public static ScheduleSpec ConstantOf(double value) => new() { Family = ScheduleFamily.Constant, Initial = value };

    public bool IsAdaptive => Family >= ScheduleFamily.Plateau;
}

/// <summary>One piece of a recorded schedule: from <paramref name="Start"/> (on the schedule's clock) the value is <paramref name="Value"/>.</summary>
[GenerateSerializer, Immutable, Alias("SweepCluster.SchedulePiece")]
public sealed record SchedulePiece([property: Id(0)] long Start, [property: Id(1)] double Value);
