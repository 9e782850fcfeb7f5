// The TPE sampler end to end on real sweep specs: determinism (same inputs → the same bits; observation order does
// not matter), Sobol startup, valid conditional trials, distinct suggestions under the constant liar, and lower
// regret than random search on synthetic objectives (30 search seeds × 50 trials, sequential).
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using SweepCluster.Tuning.Search.Tpe;
using Xunit.Abstractions;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search.Tpe;

public sealed class TpeSamplerTests(ITestOutputHelper output)
{
    private const int Budget = 50;
    private const int SearchSeeds = 30;

    private static string QuadraticSpec(long seed = 1) => $$"""
        search: { strategy: random, trials: {{Budget}}, seed: {{seed}} }
        seeds: [1]
        learning_rate: { schedule: constant, initial: { loguniform: [1e-5, 1] } }
        weight_decay: { schedule: constant, initial: { loguniform: [1e-6, 1e-1] } }
        epochs: { int: [1, 30] }
        """;

    /// <summary>Three schedule families, each with parameters of its own.</summary>
    private static string ConditionalSpec(long seed = 1) => $$"""
        search: { strategy: random, trials: {{Budget}}, seed: {{seed}} }
        seeds: [1]
        learning_rate:
          choice:
            - { schedule: constant, initial: { loguniform: [1e-5, 1] } }
            - { schedule: exponential, initial: { loguniform: [1e-5, 1] }, gamma: { uniform: [0.5, 0.999] } }
            - { schedule: cosine, initial: { loguniform: [1e-5, 1] }, final: { uniform: [0, 1e-5] } }
        epochs: { int: [1, 30] }
        """;

    /// <summary>A quadratic bowl in log learning rate, log weight decay and epochs; minimum 0.</summary>
    private static double Quadratic(TrialSpec spec) =>
        Square(Math.Log10(spec.LearningRate.Initial) + 2.5) + 0.5 * Square(Math.Log10(spec.WeightDecay.Initial) + 3.5) + Square((spec.Epochs - 12) / 10.0);

    /// <summary>Cosine is clearly the best family; within it a bowl in log learning rate; minimum 0.</summary>
    private static double Conditional(TrialSpec spec)
    {
        var family = spec.LearningRate.Family switch
        {
            ScheduleFamily.Cosine => 0.0,
            ScheduleFamily.Exponential => 0.5 + 4 * Square(spec.LearningRate.Gamma - 0.9),
            _ => 1.0,
        };
        return family + Square(Math.Log10(spec.LearningRate.Initial) + 2) + Square((spec.Epochs - 20) / 20.0);
    }

    private static double Square(double x) => x * x;

    /// <summary>Runs TPE sequentially: each suggestion sees every earlier trial, completed.</summary>
    private static (List<TpeSuggestion> Suggestions, List<TpeObservation> Observations) RunTpe(SweepSpec sweep, long searchSeed,
        Func<TrialSpec, double> objective, TpeSettings settings, int trials = Budget)
    {
        var suggestions = new List<TpeSuggestion>();
        var observations = new List<TpeObservation>();
        for (var index = 0; index < trials; index++)
        {
            var suggestion = TpeSampler.Suggest(sweep, searchSeed, index, observations, [], settings);
            suggestions.Add(suggestion);
            observations.Add(new TpeObservation(index, suggestion.Values, TpeTrialState.Completed, objective(suggestion.Trial.Spec)));
        }
        return (suggestions, observations);
    }

    [Fact]
    public void TheSameInputsGiveTheSameBitsWhateverTheObservationOrder()
    {
        var sweep = Yaml(ConditionalSpec());
        var (_, observations) = RunTpe(sweep, 4, Conditional, TpeSettings.Default, trials: 20);
        var pending = new[] { TpeObservation.Pending(20, observations[3].Values), TpeObservation.Pending(21, observations[7].Values) };
        foreach (var settings in new[] { TpeSettings.Default, TpeSettings.Default with { Mode = TpeMode.Multivariate } })
        {
            var first = TpeSampler.Suggest(sweep, 4, 22, observations, pending, settings);
            var again = TpeSampler.Suggest(sweep, 4, 22, observations.ToArray(), pending, settings);
            var shuffled = TpeSampler.Suggest(sweep, 4, 22, observations.OrderBy(o => (o.TrialIndex * 7919) % 23).ToArray(), pending.Reverse().ToArray(), settings);
            Assert.False(first.Startup);
            Assert.Equal(Bits(first), Bits(again));
            Assert.Equal(Bits(first), Bits(shuffled));
            Assert.NotEqual(Bits(first), Bits(TpeSampler.Suggest(sweep, 4, 23, observations, pending, settings)));
        }
    }

    [Fact]
    public void ObservationsWithoutAScoreOrWithAWrongStateAreRefused()
    {
        var sweep = Yaml(QuadraticSpec());
        var values = new Dictionary<string, double>();
        Assert.Throws<ArgumentException>(() => TpeSampler.Suggest(sweep, 1, 2, [new TpeObservation(0, values, TpeTrialState.Completed, double.NaN)], []));
        Assert.Throws<ArgumentException>(() => TpeSampler.Suggest(sweep, 1, 2, [TpeObservation.Pending(0, values)], []));
        Assert.Throws<ArgumentException>(() => TpeSampler.Suggest(sweep, 1, 2, [new TpeObservation(0, values, TpeTrialState.Completed, 1)], [TpeObservation.Pending(0, values)]));
    }

    [Fact]
    public void StartupSuggestionsAreSobolPointsUntilEnoughTrialsFinish()
    {
        var sweep = Yaml(QuadraticSpec());
        var (suggestions, _) = RunTpe(sweep, 2, Quadratic, TpeSettings.Default, trials: 14);
        Assert.Equal(Enumerable.Range(0, 14).Select(i => i < TpeDefaults.StartupTrials), suggestions.Select(s => s.Startup));
        // Eight startup points fill each eighth of log learning rate once (the first coordinate of a scrambled Sobol sequence).
        var strata = suggestions.Take(8).Select(s => (int)((Math.Log10(s.Values["learning_rate.initial"]) + 5) / 5 * 8)).Order();
        Assert.Equal(Enumerable.Range(0, 8), strata);
        Assert.True(TpeSampler.Suggest(sweep, 2, 3, [], [], TpeSettings.Default with { StartupTrials = 0 }) is { Startup: false });
    }

    [Theory]
    [InlineData(TpeMode.Univariate)]
    [InlineData(TpeMode.Multivariate)]
    public void EverySuggestionIsAValidTrialWithOnlyItsFamilysParameters(TpeMode mode)
    {
        var sweep = Yaml(ConditionalSpec());
        var familyKeys = sweep.Dimensions.Where(d => d.Key.StartsWith("learning_rate.choice[", StringComparison.Ordinal))
            .GroupBy(d => d.Key[..d.Key.IndexOf(']')]).ToDictionary(g => int.Parse(g.Key[^1..]), g => g.Select(d => d.Key).ToHashSet());
        var (suggestions, _) = RunTpe(sweep, 6, Conditional, TpeSettings.Default with { Mode = mode }, trials: 40);
        ScheduleFamily[] families = [ScheduleFamily.Constant, ScheduleFamily.Exponential, ScheduleFamily.Cosine];
        foreach (var suggestion in suggestions)
        {
            var family = (int)suggestion.Values["learning_rate"];
            Assert.Equal(families[family], suggestion.Trial.Spec.LearningRate.Family);
            Assert.Equal(familyKeys[family].Append("learning_rate").Append("epochs").Order(), suggestion.Values.Keys.Order());
            foreach (var dimension in sweep.Dimensions.Where(d => suggestion.Values.ContainsKey(d.Key) && !d.IsCategorical))
            {
                var value = suggestion.Values[dimension.Key];
                Assert.InRange(value, dimension.Low, dimension.High);
                if (dimension.Kind == SpaceDimensionKind.Integer) Assert.Equal(Math.Round(value), value);
                else Assert.True(value < dimension.High);
            }
        }
    }

    [Theory]
    [InlineData(TpeMode.Univariate)]
    [InlineData(TpeMode.Multivariate)]
    public void ConstantLiarGivesEightPendingTrialsDistinctSuggestions(TpeMode mode)
    {
        var sweep = Yaml(QuadraticSpec());
        var settings = TpeSettings.Default with { Mode = mode };
        var (_, observations) = RunTpe(sweep, 8, Quadratic, settings, trials: 20);
        var pending = new List<TpeObservation>();
        var batch = new List<TpeSuggestion>();
        for (var index = 20; index < 28; index++)
        {
            var suggestion = TpeSampler.Suggest(sweep, 8, index, observations, pending, settings);
            batch.Add(suggestion);
            pending.Add(TpeObservation.Pending(index, suggestion.Values));
        }
        Assert.Equal(8, batch.Select(s => string.Join(",", s.Values.OrderBy(p => p.Key).Select(p => p.Value.ToString("R")))).Distinct().Count());
        // The liar changes what a suggestion sees: with the pending trials counted, the last one differs from without.
        Assert.NotEqual(Bits(batch[^1]), Bits(TpeSampler.Suggest(sweep, 8, 27, observations, [], settings)));
    }

    [Theory]
    [InlineData(false, TpeMode.Univariate)]
    [InlineData(false, TpeMode.Multivariate)]
    [InlineData(true, TpeMode.Univariate)]
    [InlineData(true, TpeMode.Multivariate)]
    public void TpeReachesLowerMeanRegretThanRandomSearch(bool conditional, TpeMode mode)
    {
        Func<long, string> spec = conditional ? ConditionalSpec : QuadraticSpec;
        Func<TrialSpec, double> objective = conditional ? Conditional : Quadratic;
        var sweep = Yaml(spec(0));
        var settings = TpeSettings.Default with { Mode = mode };
        var tpe = new double[SearchSeeds];
        var random = new double[SearchSeeds];
        for (var seed = 0; seed < SearchSeeds; seed++)
        {
            tpe[seed] = RunTpe(sweep, seed, objective, settings).Observations.Min(o => o.Score);
            var searcher = SearcherFactory.Create(Yaml(spec(seed)));
            random[seed] = Enumerable.Range(0, Budget).Min(i => objective(searcher.Suggest(i).Spec));
        }
        output.WriteLine($"{(conditional ? "conditional" : "quadratic")} {mode}: mean regret after {Budget} trials over {SearchSeeds} seeds: " +
                         $"TPE {tpe.Average():F4}, random {random.Average():F4}");
        Assert.True(tpe.Average() < random.Average(), $"TPE {tpe.Average()} vs random {random.Average()}");
    }

    private static string Bits(TpeSuggestion suggestion) =>
        string.Join(",", suggestion.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={BitConverter.DoubleToInt64Bits(p.Value):X}"));
}
