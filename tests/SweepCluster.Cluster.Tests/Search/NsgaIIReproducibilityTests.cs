// An NSGA-II sweep suggests the same combinations on one or three silos: each trial's replay spec (its exact
// schedules, batch size and seed) and the report's ranking are the same in both clusters, although the silos' slots
// let trials finish in different orders. Two generations of four, so the second is bred from the first's results. The
// same claim is checked over hostile event orders in the coordinator's randomized tests; this is the real cluster
// with the real engine.
using SweepCluster.Core;

namespace SweepCluster.Cluster.Tests.Search;

public sealed class NsgaIIReproducibilityTests
{
    private const int Combinations = 8;
    private const int Population = 4;

    // Conditional (the exponential family's own parameters), categorical, log and linear dimensions; a population of 4,
    // so combinations 4..7 are children of the first generation's completed combinations.
    private const string Spec = """
        name: nsga2-repro
        dataset: iris
        search: { strategy: nsga2, trials: 8, seed: 11, population_size: 4 }
        objectives: [val_accuracy, steps]
        learning_rate:
          choice:
            - { loguniform: [0.005, 0.5] }
            - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
        batch_size: { choice: [8, 16, 32] }
        epochs: 3
        """;

    [Fact]
    public async Task OneAndThreeSilosSuggestTheSameTrials()
    {
        var runs = new List<(int Silos, string[] Replays, string[] Ranking)>();
        foreach (var silos in new[] { 1, 3 })
        {
            await using var cluster = await TestClusterHandle.StartAsync(silos, slotsPerSilo: 2);
            var coordinator = await SweepDriver.SubmitAsync(cluster.Grains, $"nsga2-{silos}", Spec);
            var end = await SweepDriver.WaitForEndAsync(coordinator);
            Assert.Equal(SweepStatus.Completed, end.Status);
            var replays = new string[Combinations];
            for (var trial = 0; trial < Combinations; trial++)
                replays[trial] = await coordinator.GetReplayAsync(trial) ?? throw new InvalidOperationException($"trial {trial} has no replay");
            var report = await SweepDriver.ReportAsync(coordinator);
            var ranking = report.Ranking
                .Select(row => $"{row.Rank}. combination {row.Combination} {row.Metric:R} {string.Join(", ", row.Axes.Select(a => $"{a.Path}={a.Value}"))}")
                .ToArray();
            runs.Add((silos, replays, ranking));
        }
        var one = runs[0];
        // The first generation's random draws differ; a child may repeat a parent (no crossover and no mutation).
        Assert.Equal(Population, one.Replays.Take(Population).Distinct().Count());
        var (threeSilos, replaysOnThree, rankingOnThree) = runs[1];
        for (var trial = 0; trial < Combinations; trial++)
            Assert.True(one.Replays[trial] == replaysOnThree[trial], $"trial {trial} on {threeSilos} silos:\n{replaysOnThree[trial]}\non 1 silo:\n{one.Replays[trial]}");
        Assert.Equal(one.Ranking, rankingOnThree); // the same combinations, mean metrics and order
    }
}
