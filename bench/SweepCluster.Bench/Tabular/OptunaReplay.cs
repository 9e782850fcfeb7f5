// The Optuna side of the `replay` mode: bench/optuna/table_replay.py run once per dataset and method (each process
// stays under the subprocess timeout: Optuna's pruners slow down as trials accumulate), or a JSON line it printed
// before read back from a file (the script is deterministic and takes many minutes). Its method names are mapped to
// ours (random+hyperband → hyperband, tpe+hyperband → bohb) so the ratio table pairs them.
using System.Globalization;
using System.Text.Json;
using SweepCluster.Tabular.Replay;

namespace SweepCluster.Bench.Tabular;

/// <summary>Gathers Optuna's regret summaries for the ratio table.</summary>
public static class OptunaReplay
{
    private const string Script = "table_replay.py";

    /// <summary>Our methods that have an Optuna counterpart, with its name in the script.</summary>
    private static readonly (string Ours, string Theirs)[] Methods = Enum.GetValues<ReplayMethod>()
        .Where(m => ReplayMethods.OptunaLabel(m) is not null)
        .Select(m => (ReplayMethods.Label(m), ReplayMethods.OptunaLabel(m)!))
        .ToArray();

    /// <summary>Runs the script for every dataset and method; null (after printing why) if a process fails.</summary>
    public static IReadOnlyList<RegretSummary>? Run(string tablePath, IReadOnlyList<string> datasets, int runs, long budget)
    {
        var theirs = new List<RegretSummary>();
        var wall = 0.0;
        foreach (var dataset in datasets)
            foreach (var (_, method) in Methods)
            {
                var (optuna, note, seconds) = ClusterBench.RunOptuna(Script, "--table", tablePath, "--runs", runs.ToString(CultureInfo.InvariantCulture),
                    "--epoch-budget", budget.ToString(CultureInfo.InvariantCulture), "--datasets", dataset, "--methods", method);
                if (optuna is not { } line)
                {
                    Console.WriteLine(note);
                    return null;
                }
                theirs.AddRange(Results(line));
                wall += seconds;
            }
        Console.WriteLine($"optuna side: {wall:0.0} s in {datasets.Count * Methods.Length} processes");
        return theirs;
    }

    /// <summary>The results of a JSON line the script printed, saved in <paramref name="path"/>, for <paramref name="datasets"/>.</summary>
    /// <exception cref="InvalidDataException">The line was made with other runs or another budget.</exception>
    public static IReadOnlyList<RegretSummary> Read(string path, IReadOnlyList<string> datasets, int runs, long budget)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var line = document.RootElement;
        if (line.GetProperty("runs").GetInt32() != runs || line.GetProperty("epoch_budget").GetInt64() != budget)
            throw new InvalidDataException($"{path} holds {line.GetProperty("runs")} runs at {line.GetProperty("epoch_budget")} epochs, not {runs} at {budget}");
        return Results(line).Where(r => datasets.Contains(r.Dataset)).ToArray();
    }

    private static IEnumerable<RegretSummary> Results(JsonElement line) =>
        line.GetProperty("results").Deserialize<RegretSummary[]>()!
            .Select(r => r with { Method = Methods.FirstOrDefault(m => m.Theirs == r.Method).Ours ?? r.Method });
}
