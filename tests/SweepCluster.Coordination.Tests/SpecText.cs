// The simulation and the decision tests name a trial spec by its canonical JSON (TrialSpecJson): one string to compare,
// hash and print, whatever the typed records the machine passes around.
using SweepCluster.Core.Specs;
using SweepCluster.Specs;

namespace SweepCluster.Coordination.Tests;

internal static class SpecText
{
    public static string SpecJson(this StartTrial start) => TrialSpecJson.Serialize(start.Spec);

    public static string? Json(this TrialSpec? spec) => spec is null ? null : TrialSpecJson.Serialize(spec);

    public static string SearcherSpecJson(this SweepPlan plan, int trial) => TrialSpecJson.Serialize(plan.SearcherSpec(trial));
}
