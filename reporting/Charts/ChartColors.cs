// The report's chart colours: a categorical palette for series and one fixed colour per trial status, so a status
// reads the same in every chart. Colours only; no drawing.
using SweepCluster.Core;

namespace SweepCluster.Reporting.Charts;

/// <summary>Named chart colours (CSS hex).</summary>
public static class ChartColors
{
    /// <summary>A colour-blind-friendly categorical palette (Okabe–Ito order, black left out).</summary>
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];

    /// <summary>The colour of the pruning marks, drawn on top of the pruned trials' lines.</summary>
    public const string PruningMark = "#B00020";

    /// <summary>The colour of a running best and of an expected value (drawn over the trials' own colours).</summary>
    public const string BestSoFar = "#222222";

    /// <summary>The colour of a band's edges (one standard deviation either side of an expected value).</summary>
    public const string Band = "#888888";

    /// <summary>The colour of the <paramref name="index"/>th series (the palette repeats).</summary>
    public static string Series(int index) => Palette[index % Palette.Length];

    /// <summary>The colour every chart gives <paramref name="status"/>.</summary>
    public static string Of(TrialStatus status) => status switch
    {
        TrialStatus.Completed => "#0072B2",
        TrialStatus.Running => "#009E73",
        TrialStatus.Paused => "#56B4E9",
        TrialStatus.Pruned => "#E69F00",
        TrialStatus.Diverged => "#CC79A7",
        TrialStatus.Failed => "#D55E00",
        TrialStatus.Cancelled => "#999999",
        TrialStatus.Pending => "#BBBBBB",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "no colour for this status"),
    };
}
