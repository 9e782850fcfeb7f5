// SweepMachine's PBT restarts: the spec a restart from a donor's checkpoint runs, and the trial once that restart was
// carried out (its exploit recorded once, its spec from then on).
using SweepCluster.Coordination.State;
using SweepCluster.Core.Specs;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination;

public sealed partial class SweepMachine
{
    /// <summary>The spec a PBT restart of trial <paramref name="index"/> runs: its donor's current spec, explored.</summary>
    private TrialSpec RestartSpec(int index, PendingRestart restart)
    {
        var donorSpec = _book[restart.Donor].SpecOverride ?? _plan.SearcherSpec(restart.Donor);
        var resampled = restart.ResampleDraw is { } draw ? _plan.Searcher.Draw(draw) : null;
        return PbtExplore.Apply(donorSpec, restart.ToRestart(index), resampled);
    }

    /// <summary>A PBT restart that was carried out: its exploit recorded (once), the spec it runs from now on.</summary>
    private TrialSummary Restarted(TrialSummary trial, PendingRestart restart, TrialSpec spec) => trial with
    {
        Exploits = trial.WithExploit(ExploitRecord.Of(restart)),
        PendingRestart = null,
        SpecOverride = spec.SameAs(_plan.SearcherSpec(trial.Index)) ? null : spec, // by value: the lists are new copies
    };
}
