// A TPE sweep suggests the same combinations on one, two or three silos: each trial's replay spec (its exact
// schedules, batch size and seed) and its final metric are the same in every cluster, although the silos' slots let
// trials finish in different orders. The same claim is checked over thousands of hostile event orders in the
// coordinator's randomized tests; this is the real cluster with the real engine.
using SweepCluster.Core;

namespace SweepCluster.Cluster.Tests.Search;

public sealed class TpeReproducibilityTests
{
    private const int Combinations = 8;

    // Conditional (the exponential family's own parameters), categorical, log and linear dimensions; 3 Sobol starts
    // and a window of 2, so combinations 3..7 are TPE proposals that learn from results.
    private const string Spec = """
        name: tpe-repro
        dataset: iris
        search: { strategy: tpe, trials: 8, seed: 11, startup_trials: 3, window: 2 }
        seeds: [1, 2]
        learning_rate:
          choice:
            - { loguniform: [0.005, 0.5] }
            - { schedule: exponential, initial: { loguniform: [0.01, 0.5] }, gamma: { uniform: [0.5, 0.99] } }
        batch_size: { choice: [8, 16, 32] }
        epochs: 4
        """;

    [Fact]
    public async Task OneTwoAndThreeSilosSuggestTheSameTrials()
    {
        var runs = new List<(int Silos, string[] Replays, string[] Ranking)>();
        foreach (var silos in new[] { 1, 2, 3 })
        {
            await using var cluster = await TestClusterHandle.StartAsync(silos, slotsPerSilo: 2);
            var coordinator = await SweepDriver.SubmitAsync(cluster.Grains, $"tpe-{silos}", Spec);
            var end = await SweepDriver.WaitForEndAsync(coordinator);
            Assert.Equal(SweepStatus.Completed, end.Status);
            var trials = Combinations * 2;
            var replays = new string[trials];
            for (var trial = 0; trial < trials; trial++)
                replays[trial] = await coordinator.GetReplayAsync(trial) ?? throw new InvalidOperationException($"trial {trial} has no replay");
            var report = await SweepDriver.ReportAsync(coordinator);
            var ranking = report.Ranking
                .Select(row => $"{row.Rank}. combination {row.Combination} {row.Metric:R} {string.Join(", ", row.Axes.Select(a => $"{a.Path}={a.Value}"))}")
                .ToArray();
            runs.Add((silos, replays, ranking));
        }
        var one = runs[0];
        Assert.Equal(Combinations * 2, one.Replays.Distinct().Count()); // every trial differs (a seed or a suggestion)
        foreach (var (silos, replays, ranking) in runs.Skip(1))
        {
            for (var trial = 0; trial < replays.Length; trial++)
                Assert.True(one.Replays[trial] == replays[trial], $"trial {trial} on {silos} silos:\n{replays[trial]}\non 1 silo:\n{one.Replays[trial]}");
            Assert.Equal(one.Ranking, ranking); // the same combinations, mean metrics and order
        }
    }
}
