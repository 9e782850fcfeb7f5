// Feeds a StudyWriter the rows of a simulated sweep as fast as it takes them, the way the coordinator will: per trial a
// row when it starts, one epoch row per epoch, and a row when it completes; then flushes and reports trials/s, rows/s,
// the writer's transactions and the store's size. It measures the store alone: no training, no Orleans.
using System.Diagnostics;
using System.Globalization;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Store.Bench;

/// <summary>One run of the writer benchmark.</summary>
internal sealed class WriterBenchmark(StoreLocation location, int trials, int epochs)
{
    private static readonly IReadOnlyList<ScheduleSpec> LearningRates =
    [
        ScheduleSpec.ConstantOf(0.05),
        new() { Family = ScheduleFamily.InverseTime, Initial = 0.1, Alpha = 0.01, Beta = 0.5 },
        new() { Family = ScheduleFamily.Cosine, Initial = 0.1, Final = 0.001, Warmup = 50 },
    ];

    public async Task<string> RunAsync()
    {
        var sweepId = $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(new SweepRow(sweepId, "bench", "name: bench", SweepStatus.Running, DateTimeOffset.UtcNow, null,
            new MetricSpec(MetricName.ValAccuracy, MetricGoal.Maximize)));
        var columns = Enumerable.Range(0, LearningRates.Count * 2)
            .Select(c => HyperparameterColumns.Of(new TrialSpec { LearningRate = LearningRates[c % 3], BatchSize = ScheduleSpec.ConstantOf(c < 3 ? 32 : 64) }))
            .ToArray();

        var clock = Stopwatch.StartNew();
        StudyWriterStatistics statistics;
        await using (var writer = store.CreateWriter())
        {
            for (var trial = 0; trial < trials; trial++)
            {
                var row = new TrialRow(sweepId, trial, trial / 2, trial % 2 + 1, TrialStatus.Running)
                {
                    Hyperparameters = columns[trial / 2 % columns.Length], Attempts = 1, Silo = "127.0.0.1:11111@1",
                };
                writer.Add(row);
                for (var epoch = 1; epoch <= epochs; epoch++)
                {
                    writer.Add(new EpochRow(sweepId, trial, new EpochRecord(epoch, epoch * 45L, 1.0 / epoch, 0.9, 0.5 / epoch, 0.95, null, 0.1, 1e-4, 32)));
                }
                writer.Add(row with { Status = TrialStatus.Completed, EpochsRun = epochs, FinalMetric = 0.95, BestMetric = 0.96, BestEpoch = epochs, WallSeconds = 0.5 });
            }
            await writer.FlushAsync();
            statistics = writer.Statistics;
        }
        var seconds = clock.Elapsed.TotalSeconds;

        var rows = statistics.RowsWritten;
        var size = location is SqliteStoreLocation sqlite ? $", file {new FileInfo(sqlite.Path).Length / 1e6:0.0} MB" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{store.Name}: {trials:N0} trials × {epochs} epochs in {seconds:0.00} s = {trials / seconds:N0} trials/s, " +
            $"{rows / seconds:N0} rows/s ({rows:N0} rows in {statistics.Transactions:N0} transactions{size})");
    }
}
