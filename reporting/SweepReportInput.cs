// The input of the ranked report: a sweep's identity and state, its trial configurations and whatever results exist.
// It only carries data; the aggregation is SweepReportBuilder's job.
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;
using SweepCluster.Tuning.Search;

namespace SweepCluster.Reporting;

/// <summary>Everything the report is built from.</summary>
/// <param name="SweepId">The sweep's identifier.</param>
/// <param name="Name">The sweep's human-readable name (any text; renderers escape it).</param>
/// <param name="Status">The sweep's state when the report is made.</param>
/// <param name="Metric">The metric the sweep ranks by and its goal.</param>
/// <param name="Trials">Every trial of the sweep (one per combination × seed), whatever its state.</param>
/// <param name="Results">One entry per trial that has any state, matched to <paramref name="Trials"/> by
/// <see cref="TrialResult.Index"/>; a trial without an entry is pending.</param>
/// <param name="CreatedAt">When the sweep was created.</param>
/// <param name="FinishedAt">When the sweep reached a terminal state; null while it runs.</param>
/// <param name="Strategy">How the sweep chose its combinations: a random search's sampled values are binned in the
/// metric by axis value, a grid's listed values never are.</param>
/// <param name="Objectives">A multi-objective sweep's objectives, in spec order (one of them is
/// <paramref name="Metric"/>); null for a single-objective sweep.</param>
public sealed record SweepReportInput(
    string SweepId,
    string Name,
    SweepStatus Status,
    MetricSpec Metric,
    IReadOnlyList<TrialConfiguration> Trials,
    IReadOnlyList<TrialResult> Results,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    SearchStrategy Strategy = SearchStrategy.Grid,
    IReadOnlyList<MetricSpec>? Objectives = null);
