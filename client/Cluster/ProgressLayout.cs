// Lays the live progress out on one terminal line of a given width: the bar, the percentage of trials ended, the
// progress words and the elapsed time. Parts are dropped as the width shrinks (the bar shortens, then the percentage,
// the bar and the elapsed time go), so the line never wraps. Pure: it returns text and the bar's state; SweepWatcher
// draws it with Spectre.Console.
using SweepCluster.Abstractions;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Cli.Cluster;

/// <summary>One laid-out progress line. <see cref="BarFilled"/> + <see cref="BarEmpty"/> cells make the bar (0: no bar).</summary>
public sealed record ProgressView(int BarFilled, int BarEmpty, BarState State, string Percent, string Words, string Elapsed)
{
    /// <summary>The line as plain text: what the terminal shows, without colour.</summary>
    public string PlainText => ProgressLayout.Compose(new string(ProgressLayout.BarCell, BarFilled + BarEmpty), Percent, Words, Elapsed);
}

/// <summary>Chooses what the progress line shows at a width.</summary>
public static class ProgressLayout
{
    /// <summary>Between the line's columns.</summary>
    public const string Gap = " ";

    /// <summary>One cell of the bar (filled cells coloured, empty ones grey).</summary>
    public const char BarCell = '━';

    /// <summary>The bar's width on a wide terminal…</summary>
    public const int WideBar = 24;

    /// <summary>…and on a terminal narrower than <see cref="WideBarMinWidth"/>.</summary>
    public const int NarrowBar = 10;

    /// <summary>Terminals at least this wide get the wide bar.</summary>
    public const int WideBarMinWidth = 120;

    /// <summary>Narrower terminals get no bar: the words matter more.</summary>
    public const int BarMinWidth = 56;

    /// <summary>Narrower terminals get no percentage (the bar and "4/8 done" say as much; the best trial matters more).</summary>
    public const int PercentMinWidth = 100;

    /// <summary>Narrower terminals get no elapsed time.</summary>
    public const int ElapsedMinWidth = 40;

    /// <summary>"bar percent words · elapsed", leaving out the empty ones.</summary>
    public static string Compose(string bar, string percent, string words, string elapsed)
    {
        var tail = string.Join(ProgressLine.Separator, new[] { words, elapsed }.Where(text => text.Length > 0));
        return string.Join(Gap, new[] { bar, percent, tail }.Where(text => text.Length > 0));
    }

    /// <summary>
    /// The line for a terminal <paramref name="width"/> columns wide; it uses at most width − 1 columns, because a
    /// character in the last column makes some terminals wrap. The bar is filled to the trials that ended without
    /// being cancelled, so a cancelled sweep's bar is not full.
    /// </summary>
    public static ProgressView Lay(SweepProgress p, TimeSpan? eta, TimeSpan elapsed, int width)
    {
        ArgumentNullException.ThrowIfNull(p);
        var room = Math.Max(0, width - 1);
        var bar = width >= WideBarMinWidth ? WideBar : width >= BarMinWidth ? NarrowBar : 0;
        var fraction = p.TotalTrials > 0 ? Math.Clamp((double)ProgressWords.Ended(p.Count) / p.TotalTrials, 0, 1) : 0;
        var percent = width >= PercentMinWidth ? $"{Math.Floor(fraction * 100):0}%" : "";
        var elapsedText = width >= ElapsedMinWidth ? ProgressWords.Elapsed(elapsed) : "";
        var used = new[] { bar, percent.Length }.Where(n => n > 0).Sum(n => n + Gap.Length)
            + (elapsedText.Length > 0 ? elapsedText.Length + ProgressLine.Separator.Length : 0);
        var words = ProgressLine.Fit(ProgressLine.Parts(p, eta), room - used);
        var filled = (int)Math.Floor(fraction * bar);
        return new ProgressView(filled, bar - filled, ProgressWords.Bar(p.Status), percent, words, elapsedText);
    }
}
