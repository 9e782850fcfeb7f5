// The page-of-trials query's contract, run against SQLite and PostgreSQL alike: sorting by trials and hyperparameter
// columns (missing values last, ties by trial), paging with total and filtered counts, the status, text and range
// filters, each trial's newest epoch and metric (a running trial's too, before its trial row says so), column names
// checked against the sweep's own columns, and one trial's history.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.TrialPages;
using SweepCluster.Store.Hyperparameters;
using SweepCluster.Store.Study;
using SweepCluster.Store.Tests.Support;

namespace SweepCluster.Store.Tests.Contract;

public abstract class TrialPageContract : StoreContract
{
    private const string Sweep = "paged";
    private const string Other = "other";
    private const string LearningRate = "learning_rate.initial";
    private const string Family = "learning_rate.schedule";
    private const string BatchSize = "batch_size.initial";
    private const int Trials = 10;
    private static readonly string[] Families = ["constant", "inverse_time", "cosine"];

    /// <summary>Trial i: learning rate 0.001·(10−i) except every fourth (missing), family by i mod 3, batch size
    /// 16·(1 + i mod 3); trials 0–2 completed with final metric 0.9−0.1·i, 3–5 running, the rest pending.</summary>
    private static TrialRow Row(int i)
    {
        List<HyperparameterValue> values = [HyperparameterValue.Text(Family, Families[i % 3]), HyperparameterValue.Integer(BatchSize, 16 * (1 + i % 3))];
        if (i % 4 != 3) values.Insert(0, HyperparameterValue.Real(LearningRate, 0.001 * (Trials - i)));
        var status = i < 3 ? TrialStatus.Completed : i < 6 ? TrialStatus.Running : TrialStatus.Pending;
        return new TrialRow(Sweep, i, i, i + 1, status)
        {
            Hyperparameters = values,
            FinalMetric = status == TrialStatus.Completed ? 0.9 - 0.1 * i : null,
            EpochsRun = status == TrialStatus.Completed ? 5 : 0,
            WallSeconds = status == TrialStatus.Completed ? 10 + i : null,
        };
    }

    private static readonly IReadOnlyList<TrialRow> Rows = Enumerable.Range(0, Trials).Select(Row).ToArray();

    private async Task<StudyStore> SeededStoreAsync()
    {
        var (store, _) = await NewStoreAsync();
        await store.UpsertSweepAsync(SampleRows.Sweep(Sweep));
        await store.UpsertSweepAsync(SampleRows.Sweep(Other));
        // Running trials 3 and 4 have epochs while their trial rows still say 0 epochs run.
        var epochs = Enumerable.Range(1, 4).Select(e => SampleRows.Epoch(Sweep, 3, e))
            .Concat(Enumerable.Range(1, 2).Select(e => SampleRows.Epoch(Sweep, 4, e)))
            .Concat(Enumerable.Range(1, 5).Select(e => SampleRows.Epoch(Sweep, 0, e)))
            .ToArray();
        var other = new TrialRow(Other, 0, 0, 1, TrialStatus.Running) { Hyperparameters = [HyperparameterValue.Real("other.x", 1)] };
        await store.WriteAsync([.. Rows, other], epochs);
        return store;
    }

    private static TrialPageQuery Query(string sort = TrialPageQuery.DefaultSort, SortOrder order = SortOrder.Ascending, int offset = 0,
        int limit = TrialPageQuery.DefaultLimit, TrialStatus[]? statuses = null, string? text = null, NumericRange? range = null) =>
        new(offset, limit, sort, order, [.. statuses ?? []], text, range);

    /// <summary>The trial order the query must give: missing values last, ties by trial.</summary>
    private static int[] Expected(Func<TrialRow, IComparable?> key, SortOrder order, Func<TrialRow, bool>? keep = null)
    {
        var kept = Rows.Where(keep ?? (_ => true)).ToArray();
        var present = kept.Where(r => key(r) is not null);
        var sorted = order == SortOrder.Ascending ? present.OrderBy(key) : present.OrderByDescending(key);
        return sorted.ThenBy(r => r.Trial).Concat(kept.Where(r => key(r) is null).OrderBy(r => r.Trial)).Select(r => r.Trial).ToArray();
    }

    private static IComparable? Hyperparameter(TrialRow row, string column) =>
        row.Hyperparameters.FirstOrDefault(v => v.Column == column)?.Value as IComparable;

    private static int[] TrialsOf(TrialPage? page) => page!.Rows.Select(r => r.Trial).ToArray();

    [Theory]
    [InlineData(SortOrder.Ascending)]
    [InlineData(SortOrder.Descending)]
    public async Task Sorting_by_a_hyperparameter_column_puts_missing_values_last_and_breaks_ties_by_trial(SortOrder order)
    {
        var store = await SeededStoreAsync();

        var byRate = await store.QueryTrialsAsync(Sweep, Query(LearningRate, order));
        var byFamily = await store.QueryTrialsAsync(Sweep, Query(Family, order));
        var byBatch = await store.QueryTrialsAsync(Sweep, Query(BatchSize, order));

        Assert.Equal(Expected(r => Hyperparameter(r, LearningRate), order), TrialsOf(byRate));
        Assert.Equal([3, 7], TrialsOf(byRate)[^2..]);
        Assert.Equal(Expected(r => Hyperparameter(r, Family), order), TrialsOf(byFamily));
        Assert.Equal(Expected(r => Hyperparameter(r, BatchSize), order), TrialsOf(byBatch));
    }

    [Theory]
    [InlineData(SortOrder.Ascending)]
    [InlineData(SortOrder.Descending)]
    public async Task Sorting_by_a_trials_column_works_in_both_directions(SortOrder order)
    {
        var store = await SeededStoreAsync();

        Assert.Equal(Expected(r => r.FinalMetric, order), TrialsOf(await store.QueryTrialsAsync(Sweep, Query(TrialColumns.FinalMetric, order))));
        Assert.Equal(Expected(r => r.Trial, order), TrialsOf(await store.QueryTrialsAsync(Sweep, Query(TrialColumns.Trial, order))));
        Assert.Equal(Expected(r => r.Status.ToString().ToLowerInvariant(), order),
            TrialsOf(await store.QueryTrialsAsync(Sweep, Query(TrialColumns.Status, order))));
    }

    [Fact]
    public async Task A_page_is_a_slice_of_the_sorted_trials_with_the_total_and_filtered_counts()
    {
        var store = await SeededStoreAsync();
        var all = Expected(r => Hyperparameter(r, LearningRate), SortOrder.Descending);

        var second = await store.QueryTrialsAsync(Sweep, Query(LearningRate, SortOrder.Descending, offset: 3, limit: 3));
        var last = await store.QueryTrialsAsync(Sweep, Query(LearningRate, SortOrder.Descending, offset: 9, limit: 3));
        var beyond = await store.QueryTrialsAsync(Sweep, Query(offset: 50, limit: 3));

        Assert.Equal(all[3..6], TrialsOf(second));
        Assert.Equal(all[9..], TrialsOf(last));
        Assert.Empty(beyond!.Rows);
        Assert.All(new[] { second!, last!, beyond }, page => Assert.Equal((Trials, Trials), (page.TotalTrials, page.FilteredTrials)));
    }

    [Fact]
    public async Task The_status_filter_keeps_the_statuses_asked_for_and_counts_them()
    {
        var store = await SeededStoreAsync();

        var page = await store.QueryTrialsAsync(Sweep, Query(statuses: [TrialStatus.Running, TrialStatus.Pending], limit: 4));

        Assert.Equal([3, 4, 5, 6], TrialsOf(page));
        Assert.Equal(Trials, page!.TotalTrials);
        Assert.Equal(7, page.FilteredTrials);
        Assert.Empty((await store.QueryTrialsAsync(Sweep, Query(statuses: [TrialStatus.Failed])))!.Rows);
    }

    [Fact]
    public async Task The_text_filter_matches_text_hyperparameter_values_ignoring_case_and_takes_wildcards_literally()
    {
        var store = await SeededStoreAsync();

        Assert.Equal(new[] { 1, 4, 7 }, TrialsOf(await store.QueryTrialsAsync(Sweep, Query(text: "E_T"))));
        Assert.Equal(new[] { 2 }, TrialsOf(await store.QueryTrialsAsync(Sweep, Query(text: "cos", statuses: [TrialStatus.Completed]))));
        Assert.Empty(TrialsOf(await store.QueryTrialsAsync(Sweep, Query(text: "%"))));
        Assert.Empty(TrialsOf(await store.QueryTrialsAsync(Sweep, Query(text: "x_"))));
        var family = await store.QueryTrialsAsync(Sweep, Query(text: "Constant", limit: 2));
        Assert.Equal([0, 3], TrialsOf(family));
        Assert.Equal(4, family!.FilteredTrials);
        Assert.Empty(TrialsOf(await store.QueryTrialsAsync(Sweep, Query(text: "48")))); // numbers are filtered by range
    }

    [Fact]
    public async Task The_range_filter_keeps_values_within_its_bounds_on_one_numeric_column()
    {
        var store = await SeededStoreAsync();

        Assert.Equal(new[] { 1, 4, 7 }, TrialsOf(await store.QueryTrialsAsync(Sweep, Query(range: new(BatchSize, 30, 40)))));
        Assert.Equal(new[] { 0, 1 }, TrialsOf(await store.QueryTrialsAsync(Sweep, Query(range: new(TrialColumns.FinalMetric, 0.75, null)))));
        Assert.Equal(new[] { 8, 9 }, TrialsOf(await store.QueryTrialsAsync(Sweep, Query(range: new(LearningRate, null, 0.0025)))));
        Assert.Equal(8, (await store.QueryTrialsAsync(Sweep, Query(range: new(LearningRate, null, null))))!.FilteredTrials);
    }

    [Fact]
    public async Task Each_row_carries_its_newest_epoch_and_metric_and_typed_hyperparameter_values()
    {
        var store = await SeededStoreAsync();

        var page = (await store.QueryTrialsAsync(Sweep, Query()))!;
        var running = page.Rows.Single(r => r.Trial == 3);
        var started = page.Rows.Single(r => r.Trial == 4);
        var pending = page.Rows.Single(r => r.Trial == 9);

        Assert.Equal((TrialStatus.Running, 0, 4), (running.Status, running.EpochsRun, running.LatestEpoch!.Value));
        Assert.Equal(SampleRows.Epoch(Sweep, 3, 4).Record.ValMetric, running.LatestMetric);
        Assert.Equal(2, started.LatestEpoch);
        Assert.Null(pending.LatestEpoch);
        Assert.Null(pending.LatestMetric);
        Assert.Equal([LearningRate, Family, BatchSize], page.Hyperparameters.Select(c => c.Name));
        Assert.Equal(new object?[] { 0.001, "constant", 16L }, pending.Hyperparameters);
        Assert.Equal(new object?[] { null, "constant", 16L }, running.Hyperparameters);
        Assert.Equal(MetricName.ValAccuracy, page.Metric.Name);
        Assert.Equal(10.0, page.Rows[0].WallSeconds);
    }

    [Fact]
    public async Task Column_names_are_checked_against_the_sweeps_own_columns()
    {
        var store = await SeededStoreAsync();

        var unknown = await Assert.ThrowsAsync<TrialQueryException>(() => store.QueryTrialsAsync(Sweep, Query("nope")));
        var injected = await Assert.ThrowsAsync<TrialQueryException>(() => store.QueryTrialsAsync(Sweep, Query("trial\"; DROP TABLE trials; --")));
        var otherSweeps = await Assert.ThrowsAsync<TrialQueryException>(() => store.QueryTrialsAsync(Sweep, Query("other.x")));
        var textRange = await Assert.ThrowsAsync<TrialQueryException>(() => store.QueryTrialsAsync(Sweep, Query(range: new(Family, 0, 1))));

        Assert.Equal(TrialPageParameters.Sort, unknown.ParamName);
        Assert.Contains("'nope' is not a column of this sweep", unknown.Reason);
        Assert.Contains(LearningRate, unknown.Reason);
        Assert.Contains(TrialColumns.FinalMetric, unknown.Reason);
        Assert.Equal(TrialPageParameters.Sort, injected.ParamName);
        Assert.Equal(TrialPageParameters.Sort, otherSweeps.ParamName);
        Assert.Equal(TrialPageParameters.Range, textRange.ParamName);
        Assert.DoesNotContain(Family, textRange.Reason.Split("valid:")[1]);
        Assert.Equal(Trials, (await store.ReadTrialsAsync(Sweep)).Count);
    }

    [Theory]
    [InlineData(-1, 10, TrialPageParameters.Offset)]
    [InlineData(0, 0, TrialPageParameters.Limit)]
    [InlineData(0, TrialPageQuery.MaxLimit + 1, TrialPageParameters.Limit)]
    public async Task Offsets_and_limits_out_of_bounds_are_refused(int offset, int limit, string parameter)
    {
        var store = await SeededStoreAsync();

        var error = await Assert.ThrowsAsync<TrialQueryException>(() => store.QueryTrialsAsync(Sweep, Query(offset: offset, limit: limit)));

        Assert.Equal(parameter, error.ParamName);
        Assert.Equal(TrialPageQuery.MaxLimit, (await store.QueryTrialsAsync(Sweep, Query(limit: TrialPageQuery.MaxLimit)))!.Query.Limit);
    }

    [Fact]
    public async Task An_unknown_sweep_has_no_page_and_another_sweeps_trials_are_not_counted()
    {
        var store = await SeededStoreAsync();

        Assert.Null(await store.QueryTrialsAsync("missing", Query()));
        var other = (await store.QueryTrialsAsync(Other, Query()))!;
        Assert.Equal((1, 1), (other.TotalTrials, other.FilteredTrials));
        Assert.Equal(["other.x"], other.Hyperparameters.Select(c => c.Name));
    }

    [Fact]
    public async Task A_trials_history_lists_its_epochs_with_the_sweep_metric()
    {
        var store = await SeededStoreAsync();

        var history = (await store.ReadTrialHistoryAsync(Sweep, 3))!;
        var pending = (await store.ReadTrialHistoryAsync(Sweep, 9))!;

        Assert.Equal([1, 2, 3, 4], history.Epochs.Select(p => p.Epoch));
        Assert.Equal(Enumerable.Range(1, 4).Select(e => SampleRows.Epoch(Sweep, 3, e).Record.ValMetric), history.Epochs.Select(p => p.Metric));
        Assert.Empty(pending.Epochs);
        Assert.Null(await store.ReadTrialHistoryAsync(Sweep, Trials));
        Assert.Null(await store.ReadTrialHistoryAsync("missing", 0));
    }
}
