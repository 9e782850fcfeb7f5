// The decision points a sweep exposes to model-based search: every choice and distribution, conditional ones
// included, keyed by where it is written (so each schedule family's own parameters are distinct), with its kind,
// bounds and scale.
using SweepCluster.Specs.Sweeps;
using static SweepCluster.Testing.SweepSpecText;

namespace SweepCluster.Specs.Tests.Sweeps;

public sealed class SpaceDimensionTests
{
    [Fact]
    public void EveryDecisionPointIsADimensionKeyedByItsFilePath()
    {
        var sweep = Yaml("""
            search: { strategy: random, trials: 4 }
            learning_rate:
              choice:
                - { schedule: constant, initial: { loguniform: [1e-4, 1e-1] } }
                - { schedule: exponential, initial: { loguniform: [1e-3, 1e-1] }, gamma: { uniform: [0.5, 0.99] } }
            epochs: { int: [2, 6] }
            optimizer: [sgd, adam]
            """);
        Assert.Equal(
            [
                SpaceDimension.Categorical("learning_rate", "learning_rate", 2),
                new SpaceDimension("learning_rate.choice[0].initial", "learning_rate.initial", SpaceDimensionKind.Float, 0, 1e-4, 1e-1, true),
                new SpaceDimension("learning_rate.choice[1].initial", "learning_rate.initial", SpaceDimensionKind.Float, 0, 1e-3, 1e-1, true),
                new SpaceDimension("learning_rate.choice[1].gamma", "learning_rate.gamma", SpaceDimensionKind.Float, 0, 0.5, 0.99, false),
                new SpaceDimension("epochs", "epochs", SpaceDimensionKind.Integer, 0, 2, 6, false),
                SpaceDimension.Categorical("optimizer", "optimizer", 2),
            ],
            sweep.Dimensions);
    }
}
