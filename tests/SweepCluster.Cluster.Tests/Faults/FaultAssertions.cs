// What every fault-tolerance test checks once its sweep has ended: one result per trial, no completed work redone
// beyond the last checkpoint, and results equal to an uninterrupted run bit for bit.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Engine.Training;
using SweepCluster.Specs;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Faults;

/// <summary>Figures of one failure scenario, for the test output (and the closing note).</summary>
public sealed record FailureFigures(int Trials, int Interrupted, int EpochsRedone, int MaxEpochsRedonePerTrial, TimeSpan? LongestRecovery);

public static class FaultAssertions
{
    /// <summary>
    /// Whether a trial that was training on <paramref name="killedSilo"/> when it died went on elsewhere: a later attempt
    /// resumed from its checkpoint, or, when the killed attempt had stored nothing yet (a fresh trial keeps nothing
    /// before its first checkpoint, and a silo's death can take the in-memory state it held), its only attempt
    /// started after the kill on another silo, from scratch.
    /// </summary>
    public static bool WentOnAfterTheKill(IReadOnlyList<AttemptRecord> attempts, string killedSilo, DateTimeOffset killedAt) =>
        attempts.Count > 1 || attempts is [var only] && only.Silo != killedSilo && only.StartEpoch == 0 && only.StartedAt >= killedAt;

    public static async Task<FailureFigures> AssertExactlyOnceAndExactAsync(IGrainFactory grains, string sweepId, string yaml,
        DateTimeOffset failureAt, ITestOutputHelper output)
    {
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(sweepId);
        var progress = (await coordinator.GetProgressAsync())!;
        Assert.Equal(SweepStatus.Completed, progress.Status);
        Assert.Equal(progress.TotalTrials, progress.Count(TrialStatus.Completed)); // exactly one result each, none lost
        var report = await SweepDriver.ReportAsync(coordinator);
        Assert.Equal(progress.TotalTrials, report.Ranking.Sum(r => r.Completed));

        var sweep = SweepSpecLoader.Parse(yaml, SpecFormat.Yaml, $"{sweepId}.yaml");
        var searcher = SearcherFactory.Create(sweep);
        var (interrupted, redone, maxRedone) = (0, 0, 0);
        TimeSpan? longestRecovery = null;
        for (var index = 0; index < searcher.TotalTrials; index++)
        {
            var snapshot = await grains.GetGrain<ITrialGrain>($"{sweepId}/{index}").GetSnapshotAsync();
            Assert.Equal(TrialStatus.Completed, snapshot.Status);
            var spec = searcher.Suggest(index).Spec;
            var direct = new Trainer(spec, TrainingDataLoader.Load(spec)).Run();
            Assert.Equal(direct.History, snapshot.History);                 // bit for bit, as if nothing had failed
            Assert.Equal(spec.Epochs, snapshot.History.Count);

            var attempts = snapshot.Attempts;
            for (var a = 1; a < attempts.Count; a++)
            {
                var lost = attempts[a - 1].LastEpoch - attempts[a].StartEpoch;
                Assert.True(sweep.Checkpoints.EveryEpochs > 0, "the fault tests bound the epochs redone with checkpoint_every");
                Assert.True(lost >= 0 && lost <= sweep.Checkpoints.EveryEpochs,
                    $"trial {index}: attempt {attempts[a].Attempt} resumed at epoch {attempts[a].StartEpoch} after epoch {attempts[a - 1].LastEpoch}");
                redone += lost;
                maxRedone = Math.Max(maxRedone, lost);
                var recovery = attempts[a].StartedAt - failureAt;
                if (recovery > TimeSpan.Zero && (longestRecovery is null || recovery > longestRecovery)) longestRecovery = recovery;
            }
            if (attempts.Count > 1) interrupted++;
        }
        var figures = new FailureFigures(searcher.TotalTrials, interrupted, redone, maxRedone, longestRecovery);
        output.WriteLine($"{sweepId}: {figures}");
        return figures;
    }
}
