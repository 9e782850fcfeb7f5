// The side-by-side table of the `replay` mode: per dataset and method, the mean regret of each side at a few numbers
// of trials and of epochs, our regret over Optuna's at the epoch budget, and each side's standard error there.
using System.Globalization;
using SweepCluster.Tabular.Replay;

namespace SweepCluster.Bench.Tabular;

/// <summary>Prints our and Optuna's regret summaries next to each other.</summary>
public static class RatioTable
{
    /// <summary>The trial counts shown (the JSON lines hold every mark).</summary>
    private static readonly string[] ShownTrials = ["10", "50", "100"];

    public static void Print(IReadOnlyList<RegretSummary> ours, IReadOnlyList<RegretSummary> theirs, long budget)
    {
        var budgetKey = budget.ToString(CultureInfo.InvariantCulture);
        var shownEpochs = RegretSummary.EpochMarks.Where(e => e <= budget).Select(e => e.ToString(CultureInfo.InvariantCulture)).TakeLast(3).ToArray();
        var columns = ShownTrials.Select(k => $"@{k} trials").Concat(shownEpochs.Select(e => $"@{e} ep")).ToArray();
        Console.WriteLine();
        Console.WriteLine($"mean regret (best true final accuracy - incumbent's), ours | optuna; ratio = ours / optuna at {budgetKey} epochs");
        Console.WriteLine($"{"dataset",-14} {"method",-14} " + string.Join(" ", columns.Select(c => $"{c,17}")) + $" {"ratio",7} {"s.e. at budget",17}");
        foreach (var dataset in ours.Select(s => s.Dataset).Concat(theirs.Select(s => s.Dataset)).Distinct())
        {
            foreach (var method in ours.Select(s => s.Method).Concat(theirs.Select(s => s.Method)).Distinct())
            {
                var mine = ours.FirstOrDefault(s => s.Dataset == dataset && s.Method == method);
                var other = theirs.FirstOrDefault(s => s.Dataset == dataset && s.Method == method);
                var cells = ShownTrials.Select(k => Pair(mine?.RegretByTrials, other?.RegretByTrials, k))
                    .Concat(shownEpochs.Select(e => Pair(mine?.RegretByEpochs, other?.RegretByEpochs, e)));
                Console.WriteLine($"{dataset,-14} {method,-14} " + string.Join(" ", cells.Select(c => $"{c,17}")) + $" {Ratio(mine, other, budgetKey),7} {Sem(mine) + " | " + Sem(other),17}");
            }
        }
    }

    private static string Sem(RegretSummary? summary) =>
        summary?.FinalRegretSem.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    private static string Pair(IReadOnlyDictionary<string, double>? mine, IReadOnlyDictionary<string, double>? other, string key) =>
        $"{Cell(mine, key)} | {Cell(other, key)}";

    private static string Cell(IReadOnlyDictionary<string, double>? values, string key) =>
        values is not null && values.TryGetValue(key, out var v) ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(RegretSummary? mine, RegretSummary? other, string key) =>
        mine is not null && other is not null && mine.RegretByEpochs.TryGetValue(key, out var a) && other.RegretByEpochs.TryGetValue(key, out var b)
            ? b > 0 ? (a / b).ToString("0.00", CultureInfo.InvariantCulture) : a == 0 ? "1.00" : "inf"
            : "-";
}
