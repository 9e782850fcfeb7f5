// Times the run table's page query (StudyStore.QueryTrialsAsync) on one sweep of N trials × E epochs: the first page
// by trial index, sorted by a result and by a hyperparameter column, filtered by status, by text and by a range, and
// the last page. Rows are written straight through StudyStore.WriteAsync in large batches (the writer is measured
// elsewhere); a third of the trials are left running with epochs past their trial row. Prints the median of a few
// runs of each query; no assertion.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using SweepCluster.Core;
using SweepCluster.Core.Specs;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;

namespace SweepCluster.Store.Bench;

/// <summary>One run of the page-query benchmark.</summary>
internal sealed class PageQueryBenchmark(StoreLocation location, int trials, int epochs)
{
    private const int BatchRows = 20_000;
    private const int Runs = 7;
    private const int PageRows = 50;

    public async Task<string> RunAsync()
    {
        var sweepId = $"pages-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        await using var store = await StudyStore.OpenAsync(location);
        await store.UpsertSweepAsync(new SweepRow(sweepId, "pages", "name: pages", SweepStatus.Running, DateTimeOffset.UtcNow, null,
            new MetricSpec(MetricName.ValAccuracy, MetricGoal.Maximize)));
        var random = new Random(7);
        var write = Stopwatch.StartNew();
        var trialRows = new List<TrialRow>();
        var epochRows = new List<EpochRow>();
        for (var trial = 0; trial < trials; trial++)
        {
            var running = trial % 3 == 0;
            var spec = new TrialSpec
            {
                LearningRate = trial % 2 == 0
                    ? ScheduleSpec.ConstantOf(Math.Round(random.NextDouble() * 0.1, 5))
                    : new ScheduleSpec { Family = ScheduleFamily.Cosine, Initial = Math.Round(random.NextDouble() * 0.1, 5), Final = 0.001 },
                BatchSize = ScheduleSpec.ConstantOf(16 << (trial % 4)),
            };
            trialRows.Add(new TrialRow(sweepId, trial, trial / 2, trial % 2 + 1, running ? TrialStatus.Running : TrialStatus.Completed)
            {
                Hyperparameters = HyperparameterColumns.Of(spec), Attempts = 1,
                EpochsRun = running ? 0 : epochs, FinalMetric = running ? null : random.NextDouble(), WallSeconds = running ? null : random.NextDouble() * 10,
            });
            for (var epoch = 1; epoch <= epochs; epoch++)
                epochRows.Add(new EpochRow(sweepId, trial, new EpochRecord(epoch, epoch * 45L, 1.0 / epoch, 0.9, 0.5 / epoch, random.NextDouble(), null, 0.1, 1e-4, 32)));
            if (trialRows.Count + epochRows.Count >= BatchRows) await FlushAsync(store, trialRows, epochRows);
        }
        await FlushAsync(store, trialRows, epochRows);
        var written = write.Elapsed.TotalSeconds;

        var queries = new (string Name, TrialPageQuery Query)[]
        {
            ("first page by trial", TrialPageQuery.First),
            ("by final_metric desc", TrialPageQuery.First with { Sort = TrialColumns.FinalMetric, Order = SortOrder.Descending }),
            ("by learning_rate.initial", TrialPageQuery.First with { Sort = "learning_rate.initial" }),
            ("status running", TrialPageQuery.First with { Statuses = [TrialStatus.Running] }),
            ("text 'cos', by final_metric", TrialPageQuery.First with { Text = "cos", Sort = TrialColumns.FinalMetric }),
            ("range batch_size.initial 30..70", TrialPageQuery.First with { Range = new NumericRange("batch_size.initial", 30, 70) }),
            ("last page by trial", TrialPageQuery.First with { Offset = trials - PageRows }),
            ("last page by learning_rate.initial", TrialPageQuery.First with { Offset = trials - PageRows, Sort = "learning_rate.initial" }),
        };
        var report = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{store.Name}: {trials:N0} trials × {epochs} epochs written in {written:0.0} s; page of {PageRows} rows, median of {Runs} runs:\n"));
        foreach (var (name, query) in queries)
        {
            var times = new List<double>();
            TrialPage? page = null;
            for (var run = 0; run < Runs; run++)
            {
                var clock = Stopwatch.StartNew();
                page = await store.QueryTrialsAsync(sweepId, query);
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            report.Append(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-36} {times[Runs / 2],8:0.0} ms  (min {times[0]:0.0}, max {times[^1]:0.0}; {page!.FilteredTrials:N0} filtered, {page.Rows.Count} rows)\n"));
        }
        return report.ToString();
    }

    private static async Task FlushAsync(StudyStore store, List<TrialRow> trialRows, List<EpochRow> epochRows)
    {
        await store.WriteAsync(trialRows, epochRows);
        trialRows.Clear();
        epochRows.Clear();
    }
}
