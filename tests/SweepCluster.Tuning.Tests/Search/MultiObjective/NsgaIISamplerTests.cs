// The NSGA-II sampler end to end on real sweep specs: determinism (same inputs → the same bits; observation order and
// later generations' trials do not matter), random generation 0, valid trials with only their family's parameters in
// a conditional space, bad settings refused, and a larger hypervolume than random search on ZDT1
// (Zitzler, Deb & Thiele 2000) over epochs, log learning rate and log weight decay (10 search seeds × 10 generations of 16).
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using SweepCluster.Tuning.Search.MultiObjective;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Tuning.Tests.Search.MultiObjective;

public sealed class NsgaIISamplerTests
{
    private const int Population = 16;
    private const int Generations = 4;

    /// <summary>ZDT1 needs more generations than the other tests: with Optuna's default mutation rate (a third of the
    /// dimensions drawn afresh here) NSGA-II is level with random search after 4 and clearly ahead after 10.</summary>
    private const int ZdtGenerations = 10;
    private static readonly MetricGoal[] MinMin = [MetricGoal.Minimize, MetricGoal.Minimize];
    private static readonly NsgaIISettings Settings = NsgaIISettings.Default with { PopulationSize = Population };

    /// <summary>Three schedule families, each with parameters of its own.</summary>
    private static string ConditionalSpec(long seed = 1) => $$"""
        search: { strategy: random, trials: {{Population * Generations}}, seed: {{seed}} }
        seeds: [1]
        learning_rate:
          choice:
            - { schedule: constant, initial: { loguniform: [1e-5, 1] } }
            - { schedule: exponential, initial: { loguniform: [1e-5, 1] }, gamma: { uniform: [0.5, 0.999] } }
            - { schedule: cosine, initial: { loguniform: [1e-5, 1] }, final: { uniform: [0, 1e-5] } }
        epochs: { int: [1, 30] }
        """;

    /// <summary>Two conflicting objectives (both minimised): a good learning rate near 1e-2 with many epochs, vs few epochs and a rate near 1e-4.</summary>
    private static ObjectiveVector Objectives(TrialSpec spec)
    {
        var family = spec.LearningRate.Family == ScheduleFamily.Cosine ? 0.0 : 0.5;
        var lr = Math.Log10(spec.LearningRate.Initial);
        return ObjectiveVector.Of(family + Square(lr + 2) + Square((spec.Epochs - 30) / 30.0), spec.Epochs / 30.0 + Square(lr + 4) / 10);
    }

    private static double Square(double x) => x * x;

    /// <summary>Runs generation by generation: each suggestion sees every trial of the earlier generations, completed.</summary>
    private static (List<NsgaIISuggestion> Suggestions, List<NsgaIIObservation> Observations) Run(SweepSpec sweep, long searchSeed, int trials = Population * Generations)
    {
        var suggestions = new List<NsgaIISuggestion>();
        var observations = new List<NsgaIIObservation>();
        for (var index = 0; index < trials; index++)
        {
            var suggestion = NsgaIISampler.Suggest(sweep, searchSeed, index, observations, MinMin, Settings);
            suggestions.Add(suggestion);
            observations.Add(new NsgaIIObservation(index, suggestion.Values, Objectives(suggestion.Trial.Spec)));
        }
        return (suggestions, observations);
    }

    private static string Bits(NsgaIISuggestion s) =>
        string.Join(";", s.Values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={BitConverter.DoubleToInt64Bits(p.Value):X}")) + "|" + string.Join(",", s.Parents);

    [Fact]
    public void TheSameInputsGiveTheSameBitsWhateverTheOrderAndTheLaterTrials()
    {
        var sweep = Yaml(ConditionalSpec());
        var (_, observations) = Run(sweep, 4, trials: 3 * Population);
        var index = 2 * Population + 5;
        var first = NsgaIISampler.Suggest(sweep, 4, index, observations, MinMin, Settings);
        var shuffled = NsgaIISampler.Suggest(sweep, 4, index, observations.OrderBy(o => (o.TrialIndex * 7919) % 31).ToArray(), MinMin, Settings);
        var withoutLater = NsgaIISampler.Suggest(sweep, 4, index, observations.Where(o => o.TrialIndex < 2 * Population).ToArray(), MinMin, Settings);
        Assert.Equal(2, first.Generation);
        Assert.Equal(2, first.Parents.Count);
        Assert.Equal(Bits(first), Bits(shuffled));
        Assert.Equal(Bits(first), Bits(withoutLater));
        Assert.NotEqual(Bits(first), Bits(NsgaIISampler.Suggest(sweep, 4, index + 1, observations, MinMin, Settings)));
        Assert.NotEqual(Bits(first), Bits(NsgaIISampler.Suggest(sweep, 5, index, observations, MinMin, Settings)));
    }

    [Fact]
    public void GenerationZeroAndGenerationsWithoutHistoryAreRandom()
    {
        var sweep = Yaml(ConditionalSpec());
        var (suggestions, _) = Run(sweep, 2, trials: Population + 1);
        Assert.All(suggestions.Take(Population), s => Assert.Empty(s.Parents));
        Assert.NotEmpty(suggestions[Population].Parents);
        Assert.Empty(NsgaIISampler.Suggest(sweep, 2, 3 * Population, [], MinMin, Settings).Parents);
    }

    [Fact]
    public void EverySuggestionIsAValidTrialWithOnlyItsFamilysParameters()
    {
        var sweep = Yaml(ConditionalSpec());
        var familyKeys = sweep.Dimensions.Where(d => d.Key.StartsWith("learning_rate.choice[", StringComparison.Ordinal))
            .GroupBy(d => d.Key[..d.Key.IndexOf(']')]).ToDictionary(g => int.Parse(g.Key[^1..]), g => g.Select(d => d.Key).ToHashSet());
        ScheduleFamily[] families = [ScheduleFamily.Constant, ScheduleFamily.Exponential, ScheduleFamily.Cosine];
        foreach (var seed in new long[] { 6, 7, 8 })
        {
            var (suggestions, _) = Run(sweep, seed);
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
                }
            }
            // Families switch between generations (crossover and mutation of the choice), so every family is seen after generation 0.
            Assert.Equal(3, suggestions.Skip(Population).Select(s => s.Trial.Spec.LearningRate.Family).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(1.0, 1)]
    public void TheSwappingProbabilityChoosesWhichParentAChoiceComesFrom(double swapping, int parent)
    {
        var sweep = Yaml(ConditionalSpec());
        var family = sweep.Dimensions.First(d => d.IsCategorical).Key;
        var settings = Settings with { CrossoverProbability = 1, MutationProbability = 0, SwappingProbability = swapping };
        var (_, observations) = Run(sweep, searchSeed: 3, trials: Population);
        var byIndex = observations.ToDictionary(o => o.TrialIndex);
        for (var index = Population; index < 2 * Population; index++)
        {
            var child = NsgaIISampler.Suggest(sweep, 3, index, observations, MinMin, settings);
            Assert.Equal(byIndex[child.Parents[parent]].Values[family], child.Values[family]);
        }
    }

    [Fact]
    public void BadInputsAreRefused()
    {
        var sweep = Yaml(ConditionalSpec());
        var values = new Dictionary<string, double>();
        Assert.Throws<ArgumentOutOfRangeException>(() => NsgaIISampler.Suggest(sweep, 1, 0, [], MinMin, Settings with { PopulationSize = 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NsgaIISampler.Suggest(sweep, 1, 0, [], MinMin, Settings with { CrossoverProbability = 1.5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => NsgaIISampler.Suggest(sweep, 1, 0, [], MinMin, Settings with { SwappingProbability = -0.1 }));
        Assert.Throws<ArgumentException>(() => NsgaIISampler.Suggest(sweep, 1, 20, [new(0, values, ObjectiveVector.Of(1))], MinMin, Settings));
        Assert.Throws<ArgumentException>(() => NsgaIISampler.Suggest(sweep, 1, 20, [new(0, values, ObjectiveVector.Of(1, 1)), new(0, values, ObjectiveVector.Of(2, 2))], MinMin, Settings));
    }

    private static string ZdtSpec(long seed) => $$"""
        search: { strategy: random, trials: {{Population * ZdtGenerations}}, seed: {{seed}} }
        seeds: [1]
        learning_rate: { schedule: constant, initial: { loguniform: [1e-5, 1] } }
        weight_decay: { schedule: constant, initial: { loguniform: [1e-6, 1e-1] } }
        epochs: { int: [1, 30] }
        """;

    /// <summary>ZDT1 with x1 = the epochs and x2, x3 = log learning rate and log weight decay, all scaled to [0, 1]: the
    /// Pareto front is f2 = 1 − √f1 at the smallest learning rate and weight decay.</summary>
    private static ObjectiveVector Zdt1(TrialSpec spec)
    {
        var x1 = (spec.Epochs - 1) / 29.0;
        var g = 1 + 9 * ((Math.Log10(spec.LearningRate.Initial) + 5) / 5 + (Math.Log10(spec.WeightDecay.Initial) + 6) / 5) / 2;
        return ObjectiveVector.Of(x1, g * (1 - Math.Sqrt(x1 / g)));
    }

    [Fact]
    public void ItFindsALargerHypervolumeThanRandomSearchOnZdt1()
    {
        var reference = ObjectiveVector.Of(1.1, 1.1);
        double nsga = 0, random = 0;
        for (var seed = 0L; seed < 10; seed++)
        {
            var sweep = Yaml(ZdtSpec(seed));
            var observations = new List<NsgaIIObservation>();
            for (var index = 0; index < Population * ZdtGenerations; index++)
            {
                var suggestion = NsgaIISampler.Suggest(sweep, seed, index, observations, MinMin, Settings);
                observations.Add(new NsgaIIObservation(index, suggestion.Values, Zdt1(suggestion.Trial.Spec)));
            }
            nsga += Hypervolume2D.Of(observations.Select(o => o.Objectives).ToArray(), MinMin, reference);
            var randomTrials = Enumerable.Range(0, Population * ZdtGenerations).Select(i => SearchSpaceDraws.Random(sweep, i));
            random += Hypervolume2D.Of(randomTrials.Select(Zdt1).ToArray(), MinMin, reference);
        }
        Assert.True(nsga > random, $"NSGA-II {nsga / 10:F3} vs random {random / 10:F3}");
    }
}
