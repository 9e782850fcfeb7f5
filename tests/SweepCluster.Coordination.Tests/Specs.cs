// The sweeps these tests run, as spec text, and their plans (parsed once: a plan is immutable and shared by every
// machine and thread). Tiny on purpose: iris, a few trials, a few epochs; nothing here trains or loads data.
using System.Collections.Concurrent;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination.Tests;

internal static class Specs
{
    /// <summary>FIFO over a grid: 3 learning rates × 2 seeds = 6 trials of 4 epochs, one retry.</summary>
    public const string FifoGrid = """
        name: fifo-grid
        dataset: iris
        search: { strategy: grid }
        seeds: [1, 2]
        retries: 1
        learning_rate: [0.1, 0.05, 0.01]
        epochs: 4
        """;

    /// <summary>ASHA: 9 random learning rates, 9 epochs, rungs at epochs 1 and 3.</summary>
    public const string Asha = """
        name: asha
        dataset: iris
        search: { strategy: random, trials: 9, seed: 4 }
        retries: 1
        learning_rate: { loguniform: [0.001, 0.5] }
        epochs: 9
        scheduler: { type: asha, min_epochs: 1, eta: 3 }
        """;

    /// <summary>ASHA in a multi-objective sweep (accuracy up, steps down), ranking each rung by Pareto rank.</summary>
    public const string AshaPareto = """
        name: asha-pareto
        dataset: iris
        search: { strategy: random, trials: 12, seed: 4 }
        objectives: [val_accuracy, steps]
        retries: 1
        learning_rate: { loguniform: [0.001, 0.5] }
        epochs: 9
        scheduler: { type: asha, min_epochs: 1, eta: 3 }
        """;

    /// <summary>The same with every trial no other trial of its rung dominates promoted (pareto_front).</summary>
    public const string AshaParetoFront = """
        name: asha-pareto-front
        dataset: iris
        search: { strategy: random, trials: 12, seed: 4 }
        objectives: [val_accuracy, steps]
        retries: 1
        learning_rate: { loguniform: [0.001, 0.5] }
        epochs: 9
        scheduler: { type: asha, min_epochs: 1, eta: 3, promotion: pareto_front }
        """;

    /// <summary>Hyperband: 18 random learning rates, 9 epochs, three brackets (rungs at epochs 1 and 3, at 3, none).</summary>
    public const string Hyperband = """
        name: hyperband
        dataset: iris
        search: { strategy: random, trials: 18, seed: 4 }
        retries: 1
        learning_rate: { loguniform: [0.001, 0.5] }
        epochs: 9
        scheduler: { type: hyperband, min_epochs: 1, eta: 3 }
        """;

    /// <summary>PBT: a population of 5, 6 epochs, generations at epochs 2 and 4; explore resamples now and then.</summary>
    public const string Pbt = """
        name: pbt
        dataset: iris
        search: { strategy: random, trials: 5, seed: 2 }
        retries: 1
        learning_rate: { loguniform: [0.001, 0.3] }
        weight_decay: { choice: [0, 0.0001] }
        batch_size: { choice: [16, 64] }
        epochs: 6
        scheduler: { type: pbt, interval: 2, quantile: 0.25, resample_probability: 0.3 }
        """;

    /// <summary>TPE: 10 suggested combinations × 2 seeds, 3 epochs; 3 Sobol starts, a window of 2, so from the sixth
    /// combination on each suggestion learns from results (a conditional space: the schedule family's parameters).</summary>
    public const string Tpe = """
        name: tpe
        dataset: iris
        search: { strategy: tpe, trials: 10, seed: 5, startup_trials: 3, window: 2 }
        seeds: [1, 2]
        retries: 1
        learning_rate:
          choice:
            - { loguniform: [0.001, 0.5] }
            - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
        batch_size: { choice: [16, 32, 64] }
        epochs: 3
        """;

    /// <summary>NSGA-II: 8 bred combinations × 2 seeds, 3 epochs, two generations of a population of 4, objectives
    /// accuracy and steps (a conditional space: the schedule family's parameters).</summary>
    public const string NsgaII = """
        name: nsga2
        dataset: iris
        search: { strategy: nsga2, trials: 8, seed: 5, population_size: 4 }
        objectives: [val_accuracy, steps]
        seeds: [1, 2]
        retries: 1
        learning_rate:
          choice:
            - { loguniform: [0.001, 0.5] }
            - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
        batch_size: { choice: [16, 32, 64] }
        epochs: 3
        """;

    /// <summary>PBT as in the cluster tests: a population of 4, 4 epochs, one generation at epoch 2; no resampling.</summary>
    public const string Pbt4 = """
        name: pbt4
        dataset: iris
        search: { strategy: random, trials: 4, seed: 2 }
        learning_rate: { loguniform: [0.001, 0.3] }
        epochs: 4
        scheduler: { type: pbt, interval: 2, quantile: 0.25 }
        """;

    /// <summary>FIFO over a random search: 4 random learning rates × 2 seeds = 8 trials of 3 epochs.</summary>
    public const string FifoRandom = """
        name: fifo-random
        dataset: iris
        search: { strategy: random, trials: 4, seed: 7 }
        seeds: [1, 2]
        learning_rate: { loguniform: [0.001, 0.5] }
        batch_size: { choice: [16, 32] }
        epochs: 3
        """;

    private static readonly ConcurrentDictionary<string, SweepPlan> Plans = new();

    /// <summary>The plan of a spec text (parsed once per text).</summary>
    public static SweepPlan Plan(string yaml) =>
        Plans.GetOrAdd(yaml, text => SweepPlan.Create(SweepSpecLoader.Parse(text, SpecFormat.Yaml, "sweep.yaml")));

    /// <summary><paramref name="yaml"/> with one more top-level line (e.g. "max_concurrent: 2").</summary>
    public static string With(string yaml, string line) => yaml + "\n" + line;
}
