// Submits sweep specs to a cluster and waits for them, for the cluster tests.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Cluster.Tests;

public static class SweepDriver
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    public static async Task<ISweepCoordinatorGrain> SubmitAsync(IGrainFactory grains, string id, string yaml)
    {
        var coordinator = grains.GetGrain<ISweepCoordinatorGrain>(id);
        var result = await coordinator.SubmitAsync(new SweepSubmission(yaml, $"{id}.yaml", null, IsJson: false, AllowLarge: false));
        Assert.True(result.Outcome == SubmitOutcome.Created, string.Join("\n", result.Errors));
        return coordinator;
    }

    public static async Task<SweepProgress> WaitAsync(ISweepCoordinatorGrain coordinator, Func<SweepProgress, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var progress = await TransientFailures.RetryAsync(coordinator.GetProgressAsync, DefaultTimeout);
            Assert.NotNull(progress);
            if (until(progress)) return progress;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"sweep did not get there in time: {progress.Status}, {string.Join(", ", progress.Counts)}");
            await Task.Delay(PollInterval);
        }
    }

    public static Task<SweepProgress> WaitForEndAsync(ISweepCoordinatorGrain coordinator) =>
        WaitAsync(coordinator, p => p.Status.IsTerminal() && p.Counts.Where(c => c.Key.IsTerminal()).Sum(c => c.Value) == p.TotalTrials);

    public static async Task<SweepReport> ReportAsync(ISweepCoordinatorGrain coordinator) =>
        (await TransientFailures.RetryAsync(coordinator.GetReportAsync, DefaultTimeout))!;
}
