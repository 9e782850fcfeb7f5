// A trial's result as the sweep reports it, the unit the simulation compares: between incarnations of the coordinator
// (an end, once reached, is the same end) and between a faulty run and the same sweep run one event at a time.
using SweepCluster.Coordination.State;
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

/// <param name="Exploits">PBT: every exploit carried out, in order (boundary, donor, explore step).</param>
/// <param name="Spec">The spec it ended with when PBT changed it; null while the searcher's.</param>
internal sealed record TrialOutcome(int Index, TrialStatus Status, int Epochs, double? Metric, string Exploits, string? Spec)
{
    public static TrialOutcome Of(TrialSummary trial) =>
        new(trial.Index, trial.Status, trial.EpochsDone, trial.LastMetric, string.Join("; ", trial.Exploits.Select(Describe)), trial.SpecOverride.Json());

    private static string Describe(ExploitRecord e) =>
        $"epoch {e.Epoch} from {e.Donor} ×{e.LearningRateFactor}/{e.WeightDecayFactor}/{e.BatchSizeFactor} draw {e.ResampleDraw?.ToString() ?? "-"}";

    public override string ToString() =>
        $"trial {Index}: {Status} after {Epochs} epochs, metric {Metric?.ToString("0.00") ?? "-"}, exploits [{Exploits}], spec {(Spec is null ? "searcher's" : $"#{TrialNature.HashOf(Spec):x16}")}";
}

/// <summary>A whole sweep's result.</summary>
/// <param name="Suggestions">A model-based (TPE, NSGA-II) sweep's suggestions, one line per combination (empty for other searches): they
/// must not depend on the silos, the slots or the order results arrive in.</param>
internal sealed record SweepOutcome(SweepStatus Status, IReadOnlyList<TrialOutcome> Trials, IReadOnlyList<string> Suggestions)
{
    public static SweepOutcome Of(SweepMachine machine) => new(machine.Status, machine.Trials.Select(TrialOutcome.Of).ToArray(),
        machine.Plan.Suggestions.Select((s, c) => $"combination {c}: " + string.Join(", ", s.Values.Select(v => $"{v.Key}={v.Value:R}"))).ToArray());

    public IEnumerable<string> Differences(SweepOutcome expected)
    {
        if (Status != expected.Status) yield return $"sweep {Status}, expected {expected.Status}";
        for (var c = 0; c < Math.Min(Suggestions.Count, expected.Suggestions.Count); c++)
            if (Suggestions[c] != expected.Suggestions[c]) yield return $"{Suggestions[c]}\n    expected {expected.Suggestions[c]}";
        // A refused extension leaves fewer trials than the reference's (the trials are compared as far as both go).
        if (Suggestions.Count != expected.Suggestions.Count && Trials.Count == expected.Trials.Count) yield return $"{Suggestions.Count} suggestions, expected {expected.Suggestions.Count}";
        for (var i = 0; i < Trials.Count; i++)
            if (Trials[i] != expected.Trials[i]) yield return $"{Trials[i]}\n    expected {expected.Trials[i]}";
    }
}
