// Where the sweep page's live report comes from: the cluster's store (built on the web host's threads from the stored
// coordinator state and run tables, off every grain) or, when the grain state lives elsewhere, the sweep's
// coordinator (built inside its grain turn). LiveReportPolicy bounds each differently.
namespace SweepCluster.Web.Sweeps;

/// <summary>Where the live report is built.</summary>
public enum LiveReportSource
{
    /// <summary>From the store, by the web host (IStoredSweepReports): no grain is asked.</summary>
    Store,

    /// <summary>By the sweep's coordinator grain, inside one of its turns.</summary>
    Coordinator,
}
