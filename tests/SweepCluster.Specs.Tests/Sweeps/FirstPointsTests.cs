// `search.first`: configurations a random or TPE search tries first, written like the spec and located in its
// parameter space. Drawn trials written back as points locate to the draws that made them and bind to the same trial;
// schedule families, nested choices and plain lists are found; bounds are exact; and every mistake is reported at the
// point's own field path and line with what would be valid.
using SweepCluster.Engine.Specs;
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class FirstPointsTests
{
    private const int RoundTripDraws = 300;
    private const int RoundTripPointsInOneSpec = 40;

    /// <summary>A conditional space: schedule families with parameters of their own, a nested choice inside a family,
    /// a list mixing a constant with a distribution, an optimizer mapping alternative and a list-valued key.</summary>
    private const string Space = """
        dataset: iris
        epochs: 2
        learning_rate:
          choice:
            - 0.1
            - { schedule: constant, initial: { loguniform: [0.001, 0.5] } }
            - { schedule: exponential, initial: { loguniform: [0.001, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
            - { schedule: step, initial: [0.1, 0.05], gamma: { uniform: [0.1, 0.5] }, step_size: { int: [1, 5] } }
        batch_size: [16, { int: [32, 64] }]
        optimizer: [sgd, { type: adam, beta1: { uniform: [0.8, 0.95] } }]
        model: { hidden: [[64, 32], [{ int: [8, 16] }]], activation: [relu, tanh] }
        """;

    private static string WithFirst(string points, string strategy = "tpe", int trials = 10) =>
        $"search:\n  strategy: {strategy}\n  trials: {trials}\n  first:\n{points}{Space}\n";

    private static IReadOnlyDictionary<string, double> Only(SweepSpec spec) => Assert.Single(spec.FirstPoints);

    [Fact]
    public void EveryDrawnTrialWrittenBackAsAPointLocatesToItsDrawsAndBindsTheSameTrial()
    {
        var spec = Yaml($"search: {{ strategy: random, trials: 5, seed: 11 }}\n{Space}\n");
        for (var combination = 0; combination < RoundTripDraws; combination++)
        {
            var drawn = spec.Space.Sample(spec.SearchSeed, combination);
            var ctx = new SpecBindContext("sweep.yaml");
            var located = SpacePointLocator.Locate(ctx, spec.Space, drawn.Root, "search.first[0]");
            Assert.True(located is not null, $"combination {combination} not located:\n{string.Join("\n", ctx.Errors)}");
            Assert.Equal(drawn.Draws.OrderBy(d => d.Key), located.OrderBy(d => d.Key));
            var replayed = spec.Space.Sample(new RecordedSpaceDraws(located));
            SpecAssert.Equal(ExpandedTrialBinder.Bind(drawn, "sweep.yaml", out _), ExpandedTrialBinder.Bind(replayed, "sweep.yaml", out var errors));
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void DrawnTrialsWrittenAsSpecTextAreTheSweepsFirstPointsInOrder()
    {
        var drawnFrom = Yaml($"search: {{ strategy: random, trials: 5, seed: 3 }}\n{Space}\n");
        var drawn = Enumerable.Range(0, RoundTripPointsInOneSpec).Select(c => drawnFrom.Space.Sample(drawnFrom.SearchSeed, c)).ToArray();
        var points = string.Concat(drawn.Select(trial => $"    - {SpacePointText.Render(trial.Root)}\n"));
        var spec = Yaml(WithFirst(points, "random", RoundTripPointsInOneSpec));
        Assert.Equal(drawn.Length, spec.FirstPoints.Count);
        for (var i = 0; i < drawn.Length; i++) Assert.Equal(drawn[i].Draws.OrderBy(d => d.Key), spec.FirstPoints[i].OrderBy(d => d.Key));
    }

    [Fact]
    public void AScheduleIsLocatedInTheAlternativeOfItsFamily()
    {
        var spec = Yaml(WithFirst("""
                - learning_rate: { schedule: exponential, initial: 0.01, gamma: 0.9 }
                  batch_size: 16
                  optimizer: sgd
                  model: { hidden: [64, 32], activation: tanh }

            """));
        Assert.Equal(new Dictionary<string, double>
        {
            ["learning_rate"] = 2,
            ["learning_rate.choice[2].initial"] = 0.01,
            ["learning_rate.choice[2].gamma"] = 0.9,
            ["batch_size"] = 0,
            ["optimizer"] = 0,
            ["model.hidden"] = 0,
            ["model.activation"] = 1,
        }, Only(spec));
    }

    [Fact]
    public void NestedChoicesMappingsAndPlainListsAreLocatedAtEveryLevel()
    {
        var spec = Yaml(WithFirst("""
                - learning_rate: { schedule: step, initial: 0.05, gamma: 0.2, step_size: 5 }
                  batch_size: 64
                  optimizer: { type: adam, beta1: 0.9 }
                  model: { hidden: [12], activation: relu }
                  epochs: 2
                  dataset: iris

            """));
        Assert.Equal(new Dictionary<string, double>
        {
            ["learning_rate"] = 3,
            ["learning_rate.choice[3].initial"] = 1,
            ["learning_rate.choice[3].gamma"] = 0.2,
            ["learning_rate.choice[3].step_size"] = 5,
            ["batch_size"] = 1,
            ["batch_size[1]"] = 64,
            ["optimizer"] = 1,
            ["optimizer[1].beta1"] = 0.9,
            ["model.hidden"] = 1,
            ["model.hidden[1][0]"] = 12,
            ["model.activation"] = 0,
        }, Only(spec));
    }

    [Fact]
    public void AConstantAlternativeIsTakenBeforeAFamilyAndTheDefaultIsNoFirstPoints()
    {
        var spec = Yaml(WithFirst("    - { learning_rate: 0.1, batch_size: 16, optimizer: sgd, model: { hidden: [64, 32], activation: relu } }\n", "random"));
        Assert.Equal(0, Only(spec)["learning_rate"]);
        Assert.Empty(Yaml($"search: {{ strategy: tpe, trials: 3 }}\n{Space}\n").FirstPoints);
        Assert.Empty(Yaml($"search: {{ strategy: tpe, trials: 3, first: [] }}\n{Space}\n").FirstPoints);
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("5", 5)]
    public void IntBoundsIncludeBothEnds(string stepSize, double expected)
    {
        var spec = Yaml(WithFirst($"    - {{ learning_rate: {{ schedule: step, initial: 0.1, gamma: 0.1, step_size: {stepSize} }}, batch_size: 32, optimizer: sgd, model: {{ hidden: [8], activation: relu }} }}\n"));
        Assert.Equal(expected, Only(spec)["learning_rate.choice[3].step_size"]);
        Assert.Equal(32, Only(spec)["batch_size[1]"]);
        Assert.Equal(8, Only(spec)["model.hidden[1][0]"]);
    }

    [Theory]
    [InlineData("0.001", true)]
    [InlineData("1e-3", true)]
    [InlineData("0.4999", true)]
    [InlineData("0.5", false)]
    [InlineData("0.0009", false)]
    public void LogUniformBoundsIncludeLowAndExcludeHigh(string initial, bool valid)
    {
        var text = WithFirst($"    - {{ learning_rate: {{ schedule: constant, initial: {initial} }}, batch_size: 16, optimizer: sgd, model: {{ hidden: [64, 32], activation: relu }} }}\n");
        if (valid)
        {
            Assert.Equal(double.Parse(initial, System.Globalization.CultureInfo.InvariantCulture), Only(Yaml(text))["learning_rate.choice[1].initial"]);
            return;
        }
        var error = At(Errors(text), "search.first[0].learning_rate.initial");
        Assert.Equal(5, error.Line);
        Assert.Contains($"{initial} is not in loguniform [0.001, 0.5): give a number from 0.001 up to, not including, 0.5", error.Message);
    }

    [Fact]
    public void AWholeNumberIsNeededForInt()
    {
        var errors = Errors(WithFirst("    - { learning_rate: 0.1, batch_size: 16, optimizer: sgd, model: { hidden: [8.5], activation: relu } }\n"));
        Assert.Contains("8.5 is not in int [8, 16]: give a whole number from 8 to 16, both included", At(errors, "search.first[0].model.hidden[0]").Message);
    }

    [Fact]
    public void AMissingSearchedFieldIsNamedWithWhatItAllowsAndAnExample()
    {
        var errors = Errors(WithFirst("""
                - { learning_rate: 0.05 }
                - { learning_rate: { schedule: exponential, initial: 0.01 }, batch_size: 16, optimizer: sgd, model: { activation: relu } }

            """));
        var first = At(errors, "search.first[0]");
        Assert.Equal(5, first.Line);
        Assert.Contains("is none of the alternatives the spec gives here: 0.1, { schedule: constant, initial: loguniform [0.001, 0.5) }, ",
            At(errors, "search.first[0].learning_rate").Message);
        Assert.Contains("a first point is a complete configuration: give a value for every searched field it reaches. Missing: " +
            "batch_size ([16, int [32, 64]], e.g. 16); optimizer ([sgd, { type: adam, beta1: uniform [0.8, 0.95) }], e.g. sgd); " +
            "model.hidden ([[64, 32], [int [8, 16]]], e.g. [64, 32]); model.activation ([relu, tanh], e.g. relu)", first.Message);
        var second = At(errors, "search.first[1]");
        Assert.Equal(6, second.Line);
        Assert.Contains("Missing: learning_rate.gamma (uniform [0.5, 0.99), e.g. 0.5); model.hidden", second.Message);
    }

    [Fact]
    public void AValueOrFamilyTheSpecDoesNotOfferListsTheAlternatives()
    {
        var errors = Errors(WithFirst("""
                - learning_rate: { schedule: cosine, initial: 0.1 }
                  batch_size: 70
                  optimizer: rmsprop
                  model: { hidden: [64, 32], activation: relu }

            """));
        var rate = At(errors, "search.first[0].learning_rate");
        Assert.Equal(5, rate.Line);
        Assert.Contains("{ schedule: cosine, initial: 0.1 } is none of the alternatives the spec gives here: 0.1, " +
            "{ schedule: constant, initial: loguniform [0.001, 0.5) }, " +
            "{ schedule: exponential, initial: loguniform [0.001, 0.5), gamma: uniform [0.5, 0.99) } or " +
            "{ schedule: step, initial: [0.1, 0.05], gamma: uniform [0.1, 0.5), step_size: int [1, 5] }", rate.Message);
        Assert.Contains("70 is none of the alternatives the spec gives here: 16 or int [32, 64]", At(errors, "search.first[0].batch_size").Message);
        Assert.Equal(6, At(errors, "search.first[0].batch_size").Line);
        Assert.Contains("rmsprop is none of the alternatives", At(errors, "search.first[0].optimizer").Message);
    }

    [Fact]
    public void InsideTheFamilyItNamesTheParameterOutOfBounds()
    {
        var errors = Errors(WithFirst("""
                - learning_rate: { schedule: exponential, initial: 0.01, gamma: 0.999 }
                  batch_size: 16
                  optimizer: { type: adam, beta1: 0.5 }
                  model: { hidden: [64, 32], activation: relu }

            """));
        Assert.Contains("0.999 is not in uniform [0.5, 0.99): give a number from 0.5 up to, not including, 0.99",
            At(errors, "search.first[0].learning_rate.gamma").Message);
        Assert.Contains("0.5 is not in uniform [0.8, 0.95)", At(errors, "search.first[0].optimizer.beta1").Message);
        Assert.Equal(7, At(errors, "search.first[0].optimizer.beta1").Line);
    }

    [Fact]
    public void FixedFieldsMayBeLeftOutOrGivenEqualButNotDifferentAndUnwrittenKeysAreRefused()
    {
        var errors = Errors(WithFirst("""
                - learning_rate: 0.1
                  batch_size: 16
                  optimizer: { type: adam, beta1: 0.9, momentum: 0.5 }
                  model: { hidden: [64, 32], activation: relu }
                  epochs: 3
                  shuffle: false

            """));
        Assert.Contains("the spec fixes this at 2, found 3; leave it out or give that value", At(errors, "search.first[0].epochs").Message);
        Assert.Equal(9, At(errors, "search.first[0].epochs").Line);
        Assert.Contains("the spec does not write 'shuffle' here, so a point cannot give it; keys here: dataset, epochs, learning_rate, batch_size, optimizer, model",
            At(errors, "search.first[0].shuffle").Message);
        Assert.Contains("the spec does not write 'momentum' here, so a point cannot give it; keys here: type, beta1",
            At(errors, "search.first[0].optimizer.momentum").Message);
        Assert.Equal(7, At(errors, "search.first[0].optimizer.momentum").Line);
    }

    [Fact]
    public void AFamilyOrTypeTheSpecWritesMustBeGiven()
    {
        var errors = Errors("""
            search:
              strategy: random
              trials: 4
              first:
                - { weight_decay: { initial: 0.001, gamma: 0.9 } }
            weight_decay: { schedule: exponential, initial: { uniform: [0.0001, 0.01] }, gamma: 0.9 }
            """);
        var error = At(errors, "search.first[0].weight_decay.schedule");
        Assert.Equal(5, error.Line);
        Assert.Contains("give schedule: exponential as the spec does: without it the mapping means the default schedule", error.Message);
    }

    [Fact]
    public void APointWhoseTrialIsNotValidIsReportedAtThePoint()
    {
        var errors = Errors("""
            search:
              strategy: tpe
              trials: 4
              first:
                - { learning_rate: { schedule: constant, initial: 0.1, min: 0.4, max: 0.2 } }
            learning_rate: { schedule: constant, initial: 0.1, min: { uniform: [0.01, 0.5] }, max: { uniform: [0.1, 1.0] } }
            """);
        var error = At(errors, "search.first[0]");
        Assert.Equal(5, error.Line);
        Assert.Contains("this point makes a trial that is not valid: learning_rate.max: must be >= min (0.4), found 0.2", error.Message);
    }

    [Fact]
    public void FirstPointsNeedRandomOrTpeAListOfMappingsAndNoMoreThanTrials()
    {
        var grid = Errors("search:\n  strategy: grid\n  first: [{ learning_rate: 0.1 }]\nlearning_rate: [0.1, 0.2]\n");
        Assert.Contains("'first' applies only to strategy: random or tpe", At(grid, "search.first").Message);
        Assert.Equal(3, At(grid, "search.first").Line);

        var many = Errors("search:\n  strategy: tpe\n  trials: 1\n  first: [{ learning_rate: 0.1 }, { learning_rate: 0.2 }]\nlearning_rate: [0.1, 0.2]\n");
        Assert.Contains("gives 2 points but trials is 1: trials counts every combination, the first points included; raise trials to at least 2",
            At(many, "search.first").Message);
        Assert.Equal(4, At(many, "search.first").Line);

        Assert.Contains("expected a list such as", At(Errors("search: { strategy: tpe, trials: 2, first: { learning_rate: 0.1 } }\nlearning_rate: [0.1, 0.2]\n"), "search.first").Message);
        Assert.Contains("expected a mapping such as", At(Errors("search: { strategy: tpe, trials: 2, first: [0.1] }\nlearning_rate: [0.1, 0.2]\n"), "search.first[0]").Message);
    }

    [Fact]
    public void AJsonSpecLocatesItsPointsToo()
    {
        var spec = SweepSpecLoader.Parse("""
            {
              "search": { "strategy": "random", "trials": 3, "first": [{ "dataset": "iris", "optimizer": "adam", "batch_size": 48 }] },
              "dataset": "iris",
              "optimizer": ["sgd", "adam"],
              "batch_size": { "int": [32, 64] }
            }
            """, SpecFormat.Json, "sweep.json");
        Assert.Equal(new Dictionary<string, double> { ["optimizer"] = 1, ["batch_size"] = 48 }, Only(spec));
    }

    [Fact]
    public void TheDocumentedExampleLoads()
    {
        var spec = Yaml("""
            search:
              strategy: tpe
              trials: 40
              first:
                - { learning_rate: { schedule: exponential, initial: 0.1, gamma: 0.9 }, batch_size: 32 }
                - { learning_rate: 0.05, batch_size: 64 }
            learning_rate:
              choice:
                - 0.1
                - 0.05
                - { schedule: exponential, initial: { loguniform: [0.001, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
            batch_size: { choice: [32, 64] }
            """);
        Assert.Equal(2, spec.FirstPoints.Count);
        Assert.Equal(2, spec.FirstPoints[0]["learning_rate"]);
        Assert.Equal(1, spec.FirstPoints[1]["learning_rate"]);
        Assert.Equal(1, spec.FirstPoints[1]["batch_size"]);
    }
}
