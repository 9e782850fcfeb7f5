// `sweep status`'s lines on where a sweep lives: the coordinator's silo, then each silo with the trials in flight there.
using SweepCluster.Abstractions;
using SweepCluster.Core;

namespace SweepCluster.Cli.Cluster;

public static class SweepPlacementText
{
    /// <summary>
    /// "coordinator on 127.0.0.1:11111", then "trials on 127.0.0.1:11112: 0, 3 (running), 5 (starting)" per silo, or
    /// "no trial in flight".
    /// </summary>
    public static IReadOnlyList<string> Describe(SweepPlacement placement)
    {
        var lines = new List<string> { $"coordinator on {placement.CoordinatorSilo}" };
        if (placement.InFlight.Count == 0)
        {
            lines.Add("no trial in flight");
            return lines;
        }
        foreach (var silo in placement.InFlight.GroupBy(t => t.Silo).OrderBy(g => g.Key, StringComparer.Ordinal))
            lines.Add($"trials on {silo.Key}: {string.Join(", ", silo.OrderBy(t => t.TrialIndex).Select(Trial))}");
        return lines;
    }

    private static string Trial(TrialLocation trial) =>
        trial.Status == TrialStatus.Running ? $"{trial.TrialIndex}" : $"{trial.TrialIndex} ({(trial.Status == TrialStatus.Pending ? "starting" : trial.Status.ToString().ToLowerInvariant())})";
}
