// Reports built from the shared synthetic sweep, including one whose name and axis words need escaping, and a PBT
// population with exploits and a member paused at a boundary.
using SweepCluster.Sweeps;
using SweepCluster.Sweeps.Reports;
using SweepCluster.Sweeps.Tests.Reports;

namespace SweepCluster.Reports.Tests;

internal static class ReportFixtures
{
    /// <summary>A name that breaks every format that forgets to escape.</summary>
    public const string HostileName = "lr <script>alert('x')</script> & \"batch\" | sweep, v2";

    public static SweepReport Realistic(string name = "digits: lr × batch schedules") =>
        SweepReportBuilder.Build(SyntheticSweep.Realistic(name));

    /// <summary>A paused member's reason that breaks every format that forgets to escape.</summary>
    public const string PausedReason = "PBT: waiting for the population at epoch 4 <& \"others\">";

    /// <summary>The synthetic PBT population (trials 2 and 3 exploited, 3 of them in all), trial 1 paused after epoch 4.</summary>
    public static SweepReport PopulationBasedTraining() =>
        SweepReportBuilder.Build(SyntheticSweep.PopulationBasedTraining()
            .WithResult(1, r => r with { Status = TrialStatus.Paused, StopReason = PausedReason, StoppedAtEpoch = 4 })
            .Build(SweepStatus.Running));
}
