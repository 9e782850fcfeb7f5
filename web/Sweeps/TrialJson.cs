// The JSON documents of the run table's endpoints: a page of trials and one trial's history, in the spec's words
// (statuses and metrics in snake_case) with camelCase keys. Missing and non-finite numbers are null. It reads
// nothing; the endpoints hand it what the store answered.
using System.Text.Json;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Core.Specs;
using SweepCluster.Core.TrialPages;

namespace SweepCluster.Web.Sweeps;

/// <summary>A hyperparameter column of a page: its name and "text", "integer" or "real".</summary>
public sealed record TrialColumnJson(string Name, string Type);

/// <summary>One trial of a page; <see cref="Values"/> follow the page's columns.</summary>
public sealed record TrialRowJson(int Trial, int Combination, long Seed, string Status, double? FinalMetric, double? BestMetric,
    int EpochsRun, double? WallSeconds, int? LatestEpoch, double? LatestMetric, IReadOnlyList<object?> Values);

/// <summary>A page of trials.</summary>
public sealed record TrialPageJson(string SweepId, string Metric, string Goal, int Total, int Filtered, int Offset, int Limit, string Sort,
    string Order, IReadOnlyList<string> Status, string? Q, IReadOnlyList<TrialColumnJson> Columns, IReadOnlyList<TrialRowJson> Rows);

/// <summary>One epoch of a history.</summary>
public sealed record TrialPointJson(int Epoch, double? Metric, double? TrainLoss, double? ValLoss);

/// <summary>One trial's history.</summary>
public sealed record TrialHistoryJson(string SweepId, int Trial, string Metric, string Goal, IReadOnlyList<TrialPointJson> Epochs);

/// <summary>An error: the parameter at fault (null for a missing sweep) and what is wrong.</summary>
public sealed record ErrorJson(string Error, string? Parameter);

/// <summary>Maps store answers to their JSON documents.</summary>
public static class TrialJson
{
    /// <summary>camelCase keys, as a browser script expects.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static TrialPageJson Of(TrialPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var q = page.Query;
        return new TrialPageJson(page.SweepId, SpecNames.Of(page.Metric.Name), SpecNames.Of(page.Metric.Goal), page.TotalTrials, page.FilteredTrials,
            q.Offset, q.Limit, q.Sort, q.Order == SortOrder.Descending ? "desc" : "asc",
            q.Statuses.IsDefaultOrEmpty ? [] : q.Statuses.Select(SpecNames.Of).ToArray(), q.Text,
            page.Hyperparameters.Select(c => new TrialColumnJson(c.Name, TypeName(c.Type))).ToArray(),
            page.Rows.Select(Row).ToArray());
    }

    public static TrialHistoryJson Of(TrialHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new TrialHistoryJson(history.SweepId, history.Trial, SpecNames.Of(history.Metric.Name), SpecNames.Of(history.Metric.Goal),
            history.Epochs.Select(p => new TrialPointJson(p.Epoch, Finite(p.Metric), Finite(p.TrainLoss), Finite(p.ValLoss))).ToArray());
    }

    private static TrialRowJson Row(TrialPageRow row) => new(row.Trial, row.Combination, row.Seed, SpecNames.Of(row.Status),
        Finite(row.FinalMetric), Finite(row.BestMetric), row.EpochsRun, Finite(row.WallSeconds), row.LatestEpoch, Finite(row.LatestMetric),
        row.Hyperparameters.Select(v => v is double d ? Finite(d) : v).ToArray());

    private static string TypeName(RunValueType type) => SpecNames.Of(type);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
