// Colours a laid-out progress line as Spectre.Console markup: the bar's filled cells by the sweep's state (green only
// when it completed, orange when cancelled, red when failed), its empty cells grey, the words escaped.
using Spectre.Console;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Cli.Cluster;

/// <summary>Spectre markup of a <see cref="ProgressView"/>.</summary>
public static class ProgressMarkup
{
    /// <summary>The colour of the bar's filled cells in each state.</summary>
    public static string ColorOf(BarState state) => state switch
    {
        BarState.Running => "yellow",
        BarState.Succeeded => "green",
        BarState.Cancelled => "darkorange",
        BarState.Failed => "red",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The markup of <paramref name="view"/>; its text is <see cref="ProgressView.PlainText"/>.</summary>
    public static string Of(ProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var bar = Cells(ColorOf(view.State), view.BarFilled) + Cells("grey", view.BarEmpty);
        return ProgressLayout.Compose(bar, view.Percent, Markup.Escape(view.Words), view.Elapsed);
    }

    private static string Cells(string color, int count) => count > 0 ? $"[{color}]{new string(ProgressLayout.BarCell, count)}[/]" : "";
}
