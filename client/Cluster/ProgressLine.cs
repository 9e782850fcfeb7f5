// The words of a sweep's one-line progress, as parts with a priority, and the line fitted to a width by dropping the
// least important parts (never by wrapping or cutting a word in two). Pure: the same progress, time and width always
// give the same line. Drawing the bar is ProgressLayout's job; polling is SweepWatcher's.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;

namespace SweepCluster.Cli.Cluster;

/// <summary>One part of the progress line.</summary>
/// <param name="Keep">Lower is kept longer when the line does not fit: 0 is never dropped.</param>
public sealed record ProgressPart(string Text, int Keep);

/// <summary>Builds and fits the progress line.</summary>
public static class ProgressLine
{
    /// <summary>Separates the parts.</summary>
    public const string Separator = " · ";

    /// <summary>Ends a line that had to be cut inside its last kept part.</summary>
    public const string Ellipsis = "…";

    // How long each part is kept as the width shrinks: counts that say how the sweep ended stay to the last.
    private const int Essential = 0;
    private const int Problems = 1;
    private const int Best = 2;
    private const int Activity = 3;
    private const int Queue = 4;
    private const int Scheduler = 5;

    /// <summary>
    /// "6/12 done · 2 running · 4 pending · 0 failed · 6 cancelled · ETA 0:41 · best trial val_accuracy 0.9721 ·
    /// cancelled": done are completed or pruned trials, never cancelled ones; with a trial scheduler also "· 6 paused"
    /// and "· 5 pruned"; <paramref name="eta"/> when known; the sweep's state once it has ended.
    /// </summary>
    public static IReadOnlyList<ProgressPart> Parts(SweepProgress p, TimeSpan? eta)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = new List<ProgressPart>
        {
            new($"{ProgressWords.Done(p.Count)}/{p.TotalTrials} done", Essential),
            new($"{p.Count(TrialStatus.Running)} running", Activity),
            new($"{p.Count(TrialStatus.Pending)} pending", Queue),
            new($"{p.Count(TrialStatus.Failed)} failed", Problems),
        };
        if (p.Count(TrialStatus.Diverged) > 0) parts.Add(new($"{p.Count(TrialStatus.Diverged)} diverged", Problems));
        if (p.Count(TrialStatus.Cancelled) > 0) parts.Add(new($"{p.Count(TrialStatus.Cancelled)} cancelled", Essential));
        if (p.Count(TrialStatus.Paused) > 0) parts.Add(new($"{p.Count(TrialStatus.Paused)} paused", Scheduler));
        if (p.Count(TrialStatus.Pruned) > 0) parts.Add(new($"{p.Count(TrialStatus.Pruned)} pruned", Scheduler));
        if (eta is { } left) parts.Add(new($"ETA {left:m\\:ss}", Activity));
        if (p.BestMetric is { } best) parts.Add(new(ProgressWords.BestTrial(p.Metric, best), Best));
        if (p.Status != SweepStatus.Running) parts.Add(new(ReportText.Name(p.Status), Essential));
        return parts;
    }

    /// <summary>Every part, joined.</summary>
    public static string Join(IEnumerable<ProgressPart> parts) => string.Join(Separator, parts.Select(part => part.Text));

    /// <summary>
    /// The parts that fit in <paramref name="width"/> characters, in their order: the least important parts go first
    /// (the later one of two equally important parts first). When even the essential parts do not fit, the line is cut
    /// at the last whole word that fits and ends with <see cref="Ellipsis"/>; "" when nothing fits.
    /// </summary>
    public static string Fit(IReadOnlyList<ProgressPart> parts, int width)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (width <= 0) return "";
        var kept = parts.ToList();
        while (Join(kept).Length > width)
        {
            var droppable = kept.Select((part, index) => (part, index)).Where(x => x.part.Keep > Essential).ToArray();
            if (droppable.Length == 0) return Cut(Join(kept), width);
            var least = droppable.OrderByDescending(x => x.part.Keep).ThenByDescending(x => x.index).First();
            kept.RemoveAt(least.index);
        }
        return Join(kept);
    }

    /// <summary>The words of <paramref name="line"/> that fit in <paramref name="width"/> with the ellipsis.</summary>
    private static string Cut(string line, int width)
    {
        if (width <= Ellipsis.Length) return "";
        var room = width - Ellipsis.Length;
        var space = line.LastIndexOf(' ', Math.Min(room, line.Length - 1));
        return space > 0 ? line[..space].TrimEnd(' ', '·') + Ellipsis : "";
    }
}
