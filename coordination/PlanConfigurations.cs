// Whether a SweepPlan keeps every trial's configuration it works out when it is made (it binds each trial's spec to
// learn its planned epochs). A coordinator does not: it lives as long as its sweep and asks for a configuration now
// and then. A one-off report does: it asks for all of them right after, and binding 100,000 specs twice costs seconds.
namespace SweepCluster.Coordination;

/// <summary>What a plan keeps of the configurations it works out when it is made.</summary>
public enum PlanConfigurations
{
    /// <summary>Nothing: each configuration is worked out again when asked for.</summary>
    Recompute,

    /// <summary>Every one, for as long as the plan lives.</summary>
    Keep,
}
