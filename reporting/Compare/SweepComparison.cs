// What `sweep compare A B …` shows: each sweep's best trial, top combination (mean, spread and interval over its
// seeds) and that combination's best seed's learning curve, side by side, and which sweep leads. It only carries data;
// SweepComparisonBuilder decides, the comparison writers lay it out.
using System.Text.Json.Serialization;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Compare;

/// <summary>Several sweeps side by side, in the order the user named them.</summary>
/// <param name="SharedMetric">The metric every sweep ranks by, when they all rank by the same one (name and goal);
/// null when they differ, and then no sweep leads.</param>
/// <param name="Sweeps">One column per sweep.</param>
public sealed record SweepComparison(MetricSpec? SharedMetric, IReadOnlyList<ComparedSweep> Sweeps)
{
    /// <summary>The sweep whose top combination has the best mean, when the metrics are shared and any sweep has one.</summary>
    [JsonIgnore]
    public ComparedSweep? Leader => Sweeps.FirstOrDefault(s => s.VersusLeader == VersusTop.Top);

    /// <summary>The leader's sweep id (JSON: <c>leader</c>); null when no sweep leads.</summary>
    [JsonPropertyName("leader")]
    public string? LeaderId => Leader?.Header.SweepId;
}

/// <summary>One sweep of a comparison.</summary>
/// <param name="Header">The sweep's identity, state and totals, as its report has them.</param>
/// <param name="BestTrial">The single completed trial with the best metric; null before any completed.</param>
/// <param name="TopCombination">The rank-1 combination (best mean over seeds); null before any completed.</param>
/// <param name="Curve">The top combination's best seed: its trial and history (the curve drawn); null before any completed.</param>
/// <param name="VersusLeader">How the top combination compares with the leading sweep's (Welch's test over seeds, as
/// the ranking marks ties with #1): <see cref="VersusTop.Top"/> for the leader itself; <see cref="VersusTop.NotTested"/>
/// when either side has fewer than two seeds, the metrics differ or the sweep has no result.</param>
public sealed record ComparedSweep(
    ReportHeader Header,
    BestTrial? BestTrial,
    RankingRow? TopCombination,
    RankedTrial? Curve,
    VersusTop VersusLeader);
