// Sweep spec texts shared by the spec and tuning tests: the brief's example in YAML and the same sweep in JSON, plus
// helpers to parse text and catch the SpecException of an invalid spec.
using SweepCluster.Engine.Specs;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using Xunit;

namespace SweepCluster.Testing;

public static class SweepSpecText
{
    /// <summary>The example sweep: 4 learning rates × 2 weight decays × 2 batch sizes × 2 hidden = 32 combinations × 2 seeds.</summary>
    public const string ExampleYaml = """
        name: digits-schedules
        search: { strategy: grid }
        metric: { name: val_accuracy, goal: maximize }
        seeds: [1, 2]
        max_concurrent: 0
        retries: 2
        scheduler: { type: fifo }
        dataset: digits
        model: { hidden: [[64, 32], [128]] }
        learning_rate:
          - { schedule: constant, initial: 0.1 }
          - { schedule: inverse_time, initial: [0.1, 0.05], alpha: 0.01, beta: 0.5 }
          - { schedule: polynomial, initial: 0.1, beta: 2 }
        weight_decay: [0, { schedule: polynomial, initial: 1e-3, beta: 1 }]
        batch_size: [32, { schedule: inverse_time, initial: 32, alpha: 0.2, beta: -1, max: 256 }]
        epochs: 30
        """;

    /// <summary>The same sweep as JSON.</summary>
    public const string ExampleJson = """
        {
          "name": "digits-schedules",
          "search": { "strategy": "grid" },
          "metric": { "name": "val_accuracy", "goal": "maximize" },
          "seeds": [1, 2],
          "max_concurrent": 0,
          "retries": 2,
          "scheduler": { "type": "fifo" },
          "dataset": "digits",
          "model": { "hidden": [[64, 32], [128]] },
          "learning_rate": [
            { "schedule": "constant", "initial": 0.1 },
            { "schedule": "inverse_time", "initial": [0.1, 0.05], "alpha": 0.01, "beta": 0.5 },
            { "schedule": "polynomial", "initial": 0.1, "beta": 2 }
          ],
          "weight_decay": [0, { "schedule": "polynomial", "initial": 1e-3, "beta": 1 }],
          "batch_size": [32, { "schedule": "inverse_time", "initial": 32, "alpha": 0.2, "beta": -1, "max": 256 }],
          "epochs": 30
        }
        """;

    public static SweepSpec Yaml(string text, bool allowLarge = false) =>
        SweepSpecLoader.Parse(text, SpecFormat.Yaml, "sweep.yaml", allowLarge: allowLarge);

    /// <summary>The errors of an invalid YAML sweep spec.</summary>
    public static IReadOnlyList<SpecError> Errors(string text, bool allowLarge = false) =>
        Assert.Throws<SpecException>(() => Yaml(text, allowLarge)).Errors;

    /// <summary>The single error at <paramref name="field"/> (fails when there is none or more than one).</summary>
    public static SpecError At(IReadOnlyList<SpecError> errors, string field)
    {
        var matching = errors.Where(error => error.Field == field).ToArray();
        Assert.True(matching.Length == 1,
            $"expected exactly one error at '{field}', found {matching.Length}:\n{string.Join("\n", errors)}");
        return matching[0];
    }
}
