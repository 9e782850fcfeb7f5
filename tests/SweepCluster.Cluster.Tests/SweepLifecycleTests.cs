using Orleans.Core.Internal;
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Cluster.Tests;

/// <summary>Sweeps on a real three-silo cluster: completion, spread, exactness, ranking, cancel and coordinator restart.</summary>
public sealed class SweepLifecycleTests(ThreeSiloCluster fixture) : IClassFixture<ThreeSiloCluster>
{
    private const string IrisGrid = """
        name: iris-grid
        dataset: iris
        validation: 0.2
        model: { hidden: [8] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate:
          - { schedule: constant, initial: 0.05 }
          - { schedule: inverse_time, initial: 0.1, alpha: 0.01, beta: 0.5 }
          - { schedule: cosine, initial: 0.2 }
        batch_size: [8, 32]
        seeds: [1, 2]
        epochs: 5
        """;

    // Digits trials long enough (~1 s each) to be caught mid-flight.
    private const string LongDigits = """
        name: long-digits
        dataset: digits
        model: { hidden: [64, 64] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.01, 0.02, 0.03, 0.04]
        batch_size: 16
        seeds: [1, 2, 3]
        epochs: 60
        """;

    [Fact]
    public async Task ASweepCompletesOnSeveralSilosAndEveryTrialEqualsADirectEngineRun()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "iris-exact", IrisGrid);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(12, progress.Count(TrialStatus.Completed));

        var spec = SweepSpecLoader.Parse(IrisGrid, SpecFormat.Yaml, "iris-exact.yaml");
        var searcher = SearcherFactory.Create(spec);
        var silos = new HashSet<string>();
        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            var snapshot = await fixture.Grains.GetGrain<ITrialGrain>($"iris-exact/{index}").GetSnapshotAsync();
            Assert.Equal(TrialStatus.Completed, snapshot.Status);
            silos.Add(snapshot.Silo!);
            var trialSpec = searcher.Suggest(index).Spec;
            var direct = new Trainer(trialSpec, TrainingDataLoader.Load(trialSpec)).Run();
            Assert.Equal(direct.History, snapshot.History);
        }
        Assert.True(silos.Count >= 2, $"trials ran on {silos.Count} silo(s)");
    }

    [Fact]
    public async Task TrialsAreSpreadEvenlyOverTheSilos()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "spread", LongDigits.Replace("epochs: 60", "epochs: 3"));
        await SweepDriver.WaitForEndAsync(coordinator);
        var perSilo = new Dictionary<string, int>();
        for (var index = 0; index < 12; index++)
        {
            var silo = (await fixture.Grains.GetGrain<ITrialGrain>($"spread/{index}").GetSnapshotAsync()).Silo!;
            perSilo[silo] = perSilo.GetValueOrDefault(silo) + 1;
        }
        Assert.Equal(ThreeSiloCluster.Silos, perSilo.Count);
        Assert.All(perSilo.Values, count => Assert.InRange(count, 2, 6)); // 12 trials over 3 × 2 slots
    }

    [Fact]
    public async Task TheReportRanksCombinationsByTheirMeanMetric()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "iris-rank", IrisGrid);
        await SweepDriver.WaitForEndAsync(coordinator);
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.Equal(6, report.Ranking.Count);
        Assert.Equal(Enumerable.Range(1, 6), report.Ranking.Select(r => r.Rank));
        var means = report.Ranking.Select(r => r.Metric!.Mean).ToArray();
        Assert.Equal(means.OrderByDescending(m => m), means); // val_accuracy: maximize
        Assert.All(report.Ranking, r => Assert.Equal(2, r.Completed));
    }

    [Fact]
    public async Task CancelStopsEveryTrial()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "cancel-me", LongDigits);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);
        Assert.True(await coordinator.CancelAsync());
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Cancelled, progress.Status);
        Assert.True(progress.Count(TrialStatus.Cancelled) > 0);
        for (var index = 0; index < progress.TotalTrials; index++)
        {
            var snapshot = await fixture.Grains.GetGrain<ITrialGrain>($"cancel-me/{index}").GetSnapshotAsync();
            Assert.False(snapshot.IsTraining, $"trial {index} is still training");
        }
    }

    [Fact]
    public async Task TheCoordinatorResumesAfterAForcedDeactivationMidSweep()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "restart-me", LongDigits.Replace("epochs: 60", "epochs: 40"));
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Completed) >= 1 && p.Count(TrialStatus.Completed) < p.TotalTrials);
        await coordinator.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(progress.TotalTrials, progress.Count(TrialStatus.Completed));
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.Equal(progress.TotalTrials, report.Ranking.Sum(r => r.Completed));
    }

    [Fact]
    public async Task DeletingAFinishedSweepForgetsItAndItsTrialsAndFreesItsId()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "delete-me", IrisGrid);
        await SweepDriver.WaitForEndAsync(coordinator);

        var deleted = await coordinator.DeleteAsync();

        Assert.Equal(SweepChangeOutcome.Deleted, deleted.Outcome);
        Assert.Null(await coordinator.GetProgressAsync());
        Assert.Equal(SweepChangeOutcome.NotFound, (await coordinator.DeleteAsync()).Outcome);
        Assert.DoesNotContain(await fixture.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync(), l => l.SweepId == "delete-me");
        for (var index = 0; index < 12; index++)
        {
            var snapshot = await fixture.Grains.GetGrain<ITrialGrain>($"delete-me/{index}").GetSnapshotAsync();
            Assert.Equal((TrialStatus.Pending, 0), (snapshot.Status, snapshot.History.Count));
        }
        var again = await SweepDriver.SubmitAsync(fixture.Grains, "delete-me", IrisGrid.Replace("epochs: 5", "epochs: 3"));
        var end = await SweepDriver.WaitForEndAsync(again);
        Assert.Equal((SweepStatus.Completed, 12), (end.Status, end.Count(TrialStatus.Completed)));
        Assert.Equal(3, (await fixture.Grains.GetGrain<ITrialGrain>("delete-me/0").GetSnapshotAsync()).History.Count);
    }

    [Fact]
    public async Task DeletingARunningSweepIsRefusedAndChangesNothing()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "busy", LongDigits);
        await SweepDriver.WaitAsync(coordinator, p => p.Count(TrialStatus.Running) > 0);

        var refused = await coordinator.DeleteAsync();

        Assert.Equal(SweepChangeOutcome.Refused, refused.Outcome);
        Assert.Contains("sweep cancel busy", refused.Message);
        Assert.Equal(SweepStatus.Running, (await coordinator.GetProgressAsync())!.Status);
        await coordinator.CancelAsync();
        await SweepDriver.WaitForEndAsync(coordinator);
    }

    [Fact]
    public async Task AnInvalidSpecIsRefusedWithEveryErrorAndNothingIsStored()
    {
        var coordinator = fixture.Grains.GetGrain<ISweepCoordinatorGrain>("invalid");
        var result = await coordinator.SubmitAsync(new SweepSubmission(IrisGrid.Replace("cosine", "cosin").Replace("epochs: 5", "epochs: 0"),
            "bad.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Contains("did you mean 'cosine'"));
        Assert.Contains(result.Errors, e => e.Contains("epochs"));
        Assert.Null(await coordinator.GetProgressAsync());
    }

    [Fact]
    public async Task ResubmittingTheSameSpecUnderTheSameIdReturnsTheExistingSweep()
    {
        var coordinator = await SweepDriver.SubmitAsync(fixture.Grains, "idempotent", IrisGrid);
        var again = await coordinator.SubmitAsync(new SweepSubmission(IrisGrid, "idempotent.yaml", null, false, false));
        Assert.Equal(SubmitOutcome.AlreadyExists, again.Outcome);
        var other = await coordinator.SubmitAsync(new SweepSubmission(IrisGrid.Replace("epochs: 5", "epochs: 6"), "idempotent.yaml", null, false, false));
        Assert.Equal(SubmitOutcome.IdConflict, other.Outcome);
        await SweepDriver.WaitForEndAsync(coordinator);
        var listed = await fixture.Grains.GetGrain<ISweepIndexGrain>(ISweepIndexGrain.Key).ListAsync();
        Assert.Contains(listed, s => s.SweepId == "idempotent" && s.TotalTrials == 12);
    }
}
