// The Python package's schedules against the engine's: for every pure family, many parameter sets (warm-up, scale,
// milestones, both clocks, t = 0, the horizon and beyond it), ScheduleFactory.Create(...).ValueAt(t) and Python's
// schedule(spec)(t) agree to 1e-12 relative; batch-size rounding agrees exactly, ties included. Each spec travels as
// the trial file carries it: the spec's keys for its family, every default filled in.
using System.Text.Json.Nodes;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Schedules;
using SweepCluster.PythonClient.Tests.Support;
using SweepCluster.Specs;
using Xunit.Abstractions;

namespace SweepCluster.PythonClient.Tests;

public sealed class ScheduleParityTests(ScheduleDriver driver, ITestOutputHelper output) : IClassFixture<ScheduleDriver>
{
    private const double RelativeTolerance = 1e-12;
    private const int ParameterSetsPerFamily = 80;

    /// <summary>One schedule evaluated at many t.</summary>
    /// <param name="WriteClock">True: "every" is written (the trial file's form) and Python is not told the target;
    /// false: an unset "every" is left out and Python gets the target, to resolve the default clock as the engine does.</param>
    private sealed record Case(string Name, ScheduleSpec Spec, ScheduleTarget Target, bool WriteClock, long StepsPerEpoch, int Epochs, long[] Times)
    {
        public ScheduleContext Context => new(StepsPerEpoch * Epochs, Epochs, FanIns: [], FeatureScale: 1.0);

        public JsonObject Request() => new()
        {
            ["kind"] = "schedule",
            ["spec"] = Contract(Spec, Target, WriteClock),
            ["target"] = WriteClock ? null : SpecNames.Of(Target),
            ["steps_per_epoch"] = StepsPerEpoch,
            ["epochs"] = Epochs,
            ["ts"] = new JsonArray(Times.Select(t => (JsonNode)t).ToArray()),
        };
    }

    public static TheoryData<string> Families => new() { "constant", "inverse_time", "exponential", "polynomial", "step_size", "milestones", "cosine", "recorded" };

    [Theory]
    [MemberData(nameof(Families))]
    public async Task EveryValueMatchesTheEngine(string family)
    {
        var cases = Generate(family).Concat(EdgeCases().Where(c => FamilyName(c) == family)).ToList();
        var results = await driver.EvaluateAsync(new JsonArray(cases.Select(c => (JsonNode)c.Request()).ToArray()));

        var mismatches = new List<string>();
        int values = 0, identical = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var result = results[i]!.AsObject();
            Assert.True(result["error"] is null, $"{c.Name}: Python raised {result["error"]}");
            var engine = ScheduleFactory.Create(c.Spec, c.Target, c.Context);
            var every = (string)result["every"]!;
            Assert.True(SpecNames.Of(engine.Clock) == every, $"{c.Name}: engine counts {SpecNames.Of(engine.Clock)}s, python {every}s; sent {c.Request().ToJsonString()}");
            var python = result["values"]!.AsArray();
            for (var k = 0; k < c.Times.Length; k++)
            {
                var expected = engine.ValueAt(c.Times[k]);
                var actual = Number(python[k]!);
                values++;
                if (expected.Equals(actual)) identical++;
                if (!Agrees(expected, actual)) mismatches.Add($"{c.Name} t={c.Times[k]}: engine {expected:R}, python {actual:R}");
            }
        }
        output.WriteLine($"{family}: {cases.Count} schedules, {values} values, {identical} bit-identical");
        Assert.True(values > 1000, $"only {values} values compared");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {values} values differ:\n{string.Join('\n', mismatches.Take(20))}");
    }

    [Fact]
    public async Task BatchSizeRoundingMatchesTheEngineIncludingTies()
    {
        var values = new List<double> { 0.49999999999999994, 0.5, 1e10, -3.5, double.NaN, double.PositiveInfinity, 1.0 / 3.0 };
        for (var k = 0; k <= 64; k++)
        {
            var tie = k + 0.5;
            values.AddRange([k, tie, Math.BitDecrement(tie), Math.BitIncrement(tie), k + 0.25, k + 0.75]);
        }
        (double? Min, double? Max, int Rows)[] bounds =
            [(null, null, 1000), (4, 256, 1000), (null, null, 37), (8, 4, 100), (null, 300.7, 100), (2.5, null, 64), (1, 10.5, 1000), (17.5, 17.5, 40)];

        var cases = new JsonArray(bounds.Select(b => (JsonNode)new JsonObject
        {
            ["kind"] = "round", ["min"] = b.Min, ["max"] = b.Max, ["training_rows"] = b.Rows,
            ["values"] = new JsonArray(values.Select(v => (JsonNode)(double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(v.ToString("R"))))
                .ToArray()),
        }).ToArray());
        var results = await driver.EvaluateAsync(cases);

        var compared = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            var (min, max, rows) = bounds[i];
            Assert.True(results[i]!["error"] is null, $"bounds {min}/{max}/{rows}: Python raised {results[i]!["error"]}");
            var python = results[i]!["values"]!.AsArray();
            for (var k = 0; k < values.Count; k++, compared++)
            {
                Assert.True(BatchSizeRounding.Apply(values[k], min, max, rows) == (int)python[k]!,
                    $"round {values[k]:R} with min {min}, max {max}, rows {rows}: engine {BatchSizeRounding.Apply(values[k], min, max, rows)}, python {python[k]}");
            }
        }
        output.WriteLine($"{compared} roundings compared");
    }

    [Fact]
    public async Task BatchSizeSchedulesMatchTheEngine()
    {
        ScheduleSpec[] specs =
        [
            new() { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1, Max = 256 },
            new() { Family = ScheduleFamily.InverseTime, Initial = 16, Alpha = 0.5, Beta = -1, Min = 4 },
            new() { Family = ScheduleFamily.Exponential, Initial = 5, Gamma = 1.3, Min = 4, Max = 200 },
            new() { Family = ScheduleFamily.Cosine, Initial = 256, Final = 8 },
            new() { Family = ScheduleFamily.Polynomial, Initial = 128, Final = 3, Beta = 2, Min = 6 },
            new() { Family = ScheduleFamily.Step, Initial = 64, Gamma = 1.5, Milestones = [2, 5, 7], Max = 300 },
            new() { Family = ScheduleFamily.Step, Initial = 33, Gamma = 0.5, StepSize = 3 },
            new() { Family = ScheduleFamily.Constant, Initial = 48, Warmup = 4 },
            new() { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.25, Beta = -1, Scale = 1.2, Max = 512 },
            new() { Family = ScheduleFamily.Constant, Initial = 25, Scale = 0.9, Every = ScheduleClock.Step },
        ];
        int[] rowsList = [1000, 100, 37];
        const int epochs = 12;
        var times = Enumerable.Range(0, epochs + 3).Select(t => (long)t).ToArray();
        var cases = specs.SelectMany(spec => rowsList.Select(rows => (Spec: spec, Rows: rows))).ToList();

        var results = await driver.EvaluateAsync(new JsonArray(cases.Select(c => (JsonNode)new JsonObject
        {
            ["kind"] = "batch_size", ["spec"] = Contract(c.Spec, ScheduleTarget.BatchSize, writeClock: true),
            ["training_rows"] = c.Rows, ["epochs"] = epochs, ["steps_per_epoch"] = 1,
            ["ts"] = new JsonArray(times.Select(t => (JsonNode)t).ToArray()),
        }).ToArray()));

        for (var i = 0; i < cases.Count; i++)
        {
            var (spec, rows) = cases[i];
            Assert.True(results[i]!["error"] is null, $"{spec.Family} rows {rows}: Python raised {results[i]!["error"]}");
            var engine = ScheduleFactory.Create(spec, ScheduleTarget.BatchSize, new ScheduleContext(epochs, epochs, [], 1.0));
            var python = results[i]!["values"]!.AsArray();
            foreach (var t in times)
            {
                var expected = BatchSizeRounding.Apply(engine.ValueAt(t), spec.Min, spec.Max, rows);
                Assert.True(expected == (int)python[(int)t]!, $"{spec.Family} rows {rows} t={t}: engine {expected}, python {python[(int)t]}");
            }
        }
    }

    [Theory]
    [InlineData("plateau")]
    [InlineData("noise_scale")]
    [InlineData("fan_in")]
    [InlineData("feature_scale")]
    public async Task AdaptivePoliciesAreRefusedAsNeedingTheEngine(string family)
    {
        var results = await driver.EvaluateAsync([new JsonObject
        {
            ["kind"] = "schedule", ["spec"] = new JsonObject { ["schedule"] = family, ["initial"] = 0.1, ["every"] = "epoch" },
            ["epochs"] = 10, ["ts"] = new JsonArray(0),
        }]);
        var error = (string?)results[0]!["error"];
        Assert.NotNull(error);
        Assert.StartsWith("ValueError", error);
        Assert.Contains($"'{family}' is an adaptive policy", error);
        Assert.Contains("needs the built-in engine", error);
    }

    [Theory]
    [InlineData("cosine", "step", null, 10, "needs its horizon in steps")]
    [InlineData("polynomial", "epoch", null, null, "needs its horizon: pass epochs=")]
    [InlineData("cosine", "step", 100, null, "needs its horizon in steps")]
    public async Task AMissingHorizonIsAClearError(string family, string every, int? stepsPerEpoch, int? epochs, string expected)
    {
        var results = await driver.EvaluateAsync([new JsonObject
        {
            ["kind"] = "schedule", ["spec"] = new JsonObject { ["schedule"] = family, ["initial"] = 0.1, ["every"] = every },
            ["steps_per_epoch"] = stepsPerEpoch, ["epochs"] = epochs, ["ts"] = new JsonArray(0),
        }]);
        var error = (string?)results[0]!["error"];
        Assert.NotNull(error);
        Assert.Contains(expected, error);
    }

    // ---- the cases ----

    private static IEnumerable<Case> Generate(string family)
    {
        var random = new Random(family.Sum(ch => ch) * 7919); // a fixed seed per family: a failure replays exactly
        for (var i = 0; i < ParameterSetsPerFamily; i++)
        {
            var target = Pick(random, ScheduleTarget.LearningRate, ScheduleTarget.WeightDecay, ScheduleTarget.BatchSize);
            ScheduleClock? every = Pick<ScheduleClock?>(random, ScheduleClock.Step, ScheduleClock.Epoch, null);
            var clock = every ?? ScheduleFactory.DefaultClock(target);
            long stepsPerEpoch = random.Next(1, 400);
            var epochs = random.Next(1, 80);
            var horizon = clock == ScheduleClock.Step ? stepsPerEpoch * epochs : epochs;
            var initial = target == ScheduleTarget.BatchSize ? random.Next(1, 300) : Math.Exp(Uniform(random, Math.Log(1e-5), 0));
            var spec = new ScheduleSpec
            {
                Initial = initial,
                Every = every,
                Warmup = Pick(random, 0L, 0L, 1L, 3L, 17L, random.NextInt64(1, 2 * horizon + 1)),
                Scale = Pick<double?>(random, null, null, 1.0, 0.8, 1.2, Uniform(random, 0.1, 2)),
            };
            spec = family switch
            {
                "constant" => spec with { Family = ScheduleFamily.Constant },
                "inverse_time" => spec with
                {
                    Family = ScheduleFamily.InverseTime,
                    Alpha = Pick(random, 0, 1e-4, 0.01, 0.2, Uniform(random, 0, 1)),
                    Beta = Pick(random, -1, -0.5, 0.5, 1, 2, Uniform(random, -2, 3)),
                },
                "exponential" => spec with
                {
                    Family = ScheduleFamily.Exponential, Gamma = Pick(random, 0.1, 0.5, 0.9, 0.97, 0.999, 1.01, 1.5, Uniform(random, 0.01, 1.2)),
                },
                "polynomial" => spec with
                {
                    Family = ScheduleFamily.Polynomial,
                    Final = Pick(random, 0, initial * 0.01, Uniform(random, 0, initial)),
                    Beta = Pick(random, 0.5, 1, 2, 3.7, Uniform(random, 0.1, 4)),
                },
                "step_size" => spec with
                {
                    Family = ScheduleFamily.Step, Gamma = Pick(random, 0.1, 0.5, 0.95, 2.0), StepSize = random.NextInt64(1, horizon + 1),
                },
                "milestones" => spec with
                {
                    Family = ScheduleFamily.Step, Gamma = Pick(random, 0.1, 0.5, 0.95, 2.0),
                    Milestones = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.NextInt64(1, 2 * horizon + 1)).Distinct().Order().ToArray(),
                },
                "cosine" => spec with { Family = ScheduleFamily.Cosine, Final = Pick(random, 0, initial * 0.01, Uniform(random, 0, initial)) },
                "recorded" => spec with { Family = ScheduleFamily.Recorded, Values = Pieces(random, horizon, target) },
                _ => throw new ArgumentOutOfRangeException(nameof(family), family, "no such family"),
            };
            var writeClock = random.Next(2) == 0;
            yield return new Case($"{family}#{i}", spec, target, writeClock, stepsPerEpoch, epochs, TimesOf(random, spec, horizon));
        }
    }

    /// <summary>Hand-picked edges: a zero horizon, overflow to infinity, underflow to zero, no decay, warm-up beyond the run.</summary>
    private static IEnumerable<Case> EdgeCases()
    {
        long[] times = [0, 1, 2, 5, 9, 10, 11, 100, 1_000_000];
        var lr = ScheduleTarget.LearningRate;
        yield return new("cosine, zero horizon", new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.01 }, lr, true, 0, 5, times);
        yield return new("polynomial, zero horizon", new() { Family = ScheduleFamily.Polynomial, Initial = 0.1, Beta = 2 }, lr, true, 0, 5, times);
        yield return new("cosine, horizon 1", new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Every = ScheduleClock.Epoch }, lr, true, 7, 1, times);
        yield return new("exponential, overflow", new() { Family = ScheduleFamily.Exponential, Initial = 0.1, Gamma = 1.5 }, lr, true, 10, 10, times);
        yield return new("exponential, underflow", new() { Family = ScheduleFamily.Exponential, Initial = 0.1, Gamma = 0.01 }, lr, true, 10, 10, times);
        yield return new("inverse_time, alpha 0", new() { Family = ScheduleFamily.InverseTime, Initial = 0.3, Alpha = 0, Beta = 0.5 }, lr, true, 10, 10, times);
        yield return new("inverse_time, growing", new() { Family = ScheduleFamily.InverseTime, Initial = 32, Alpha = 0.2, Beta = -1 },
            ScheduleTarget.BatchSize, false, 10, 10, times);
        yield return new("step, overflow", new() { Family = ScheduleFamily.Step, Initial = 1, Gamma = 2, StepSize = 1 }, lr, true, 10, 10, times);
        yield return new("step, milestones at t", new() { Family = ScheduleFamily.Step, Initial = 1, Gamma = 0.5, Milestones = [1, 2, 10] }, lr, true, 1, 10, times);
        yield return new("constant, warm-up beyond the run", new() { Family = ScheduleFamily.Constant, Initial = 0.7, Warmup = 1_000_001 }, lr, true, 10, 10, times);
        yield return new("constant, zero", new() { Family = ScheduleFamily.Constant, Initial = 0, Warmup = 3, Scale = 0.8 }, ScheduleTarget.WeightDecay, false, 10, 10, times);
        yield return new("recorded, one piece", new() { Family = ScheduleFamily.Recorded, Values = [new(0, 0.25)] }, lr, true, 10, 10, times);
    }

    private static string FamilyName(Case c) => c.Spec.Family switch
    {
        ScheduleFamily.Step => c.Spec.Milestones.Count > 0 ? "milestones" : "step_size",
        var family => SpecNames.Of(family),
    };

    private static long[] TimesOf(Random random, ScheduleSpec spec, long horizon)
    {
        var times = new List<long> { 0, 1, 2, spec.Warmup - 1, spec.Warmup, spec.Warmup + 1, horizon - 1, horizon, horizon + 1, 2 * horizon, 10 * horizon + 3 };
        foreach (var m in spec.Milestones) times.AddRange([m - 1, m, m + 1]);
        if (spec.StepSize > 0) times.AddRange([spec.StepSize - 1, spec.StepSize, 3 * spec.StepSize]);
        foreach (var piece in spec.Values ?? []) times.AddRange([piece.Start - 1, piece.Start, piece.Start + 1]);
        for (var k = 0; k < 12; k++) times.Add(random.NextInt64(0, 2 * horizon + 2));
        return times.Where(t => t >= 0).Distinct().Order().ToArray();
    }

    private static SchedulePiece[] Pieces(Random random, long horizon, ScheduleTarget target)
    {
        var starts = new SortedSet<long> { 0 };
        for (var k = random.Next(0, 6); k > 0; k--) starts.Add(random.NextInt64(1, horizon + 2));
        return starts.Select(s => new SchedulePiece(s, target == ScheduleTarget.BatchSize ? random.Next(1, 300) : Uniform(random, 0, 0.5))).ToArray();
    }

    private static T Pick<T>(Random random, params T[] choices) => choices[random.Next(choices.Length)];

    private static double Uniform(Random random, double low, double high) => low + (high - low) * random.NextDouble();

    // ---- the trial file's form of a schedule, and the comparison ----

    /// <summary>The spec as the trial file carries it: "schedule", the family's keys (ScheduleKeys), then warmup,
    /// every (when set, or its default when <paramref name="writeClock"/>), min and max when set, PBT's scale when set.</summary>
    private static JsonObject Contract(ScheduleSpec spec, ScheduleTarget target, bool writeClock)
    {
        var json = new JsonObject { [ScheduleKeys.Schedule] = SpecNames.Of(spec.Family) };
        foreach (var key in ScheduleKeys.OwnKeys[spec.Family])
        {
            JsonNode? value = key switch
            {
                ScheduleKeys.Initial => spec.Initial,
                ScheduleKeys.Final => spec.Final,
                ScheduleKeys.Alpha => spec.Alpha,
                ScheduleKeys.Beta => spec.Beta,
                ScheduleKeys.Gamma => spec.Gamma,
                ScheduleKeys.StepSize => spec.Milestones.Count == 0 ? spec.StepSize : null,
                ScheduleKeys.Milestones => spec.Milestones.Count > 0 ? new JsonArray(spec.Milestones.Select(m => (JsonNode)m).ToArray()) : null,
                ScheduleKeys.Values => new JsonArray((spec.Values ?? []).Select(p => (JsonNode)new JsonArray(p.Start, p.Value)).ToArray()),
                ScheduleKeys.Layers => null,
                _ => throw new ArgumentOutOfRangeException(nameof(spec), key, "not a key of a pure family"),
            };
            if (value is not null) json[key] = value;
        }
        json[ScheduleKeys.Warmup] = spec.Warmup;
        if (spec.Every is not null || writeClock) json[ScheduleKeys.Every] = SpecNames.Of(spec.Every ?? ScheduleFactory.DefaultClock(target));
        if (spec.Min is { } min) json[ScheduleKeys.Min] = min;
        if (spec.Max is { } max) json[ScheduleKeys.Max] = max;
        if (spec.Scale is { } scale) json["scale"] = scale;
        return json;
    }

    private static double Number(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.String ? double.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture) : (double)node;

    private static bool Agrees(double expected, double actual)
    {
        if (double.IsNaN(expected) || double.IsNaN(actual)) return double.IsNaN(expected) && double.IsNaN(actual);
        if (double.IsInfinity(expected) || double.IsInfinity(actual)) return expected.Equals(actual);
        return Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));
    }
}
