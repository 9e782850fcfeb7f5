// Reports built from the shared synthetic sweep, including one whose name and axis words need escaping.
using SweepCluster.Sweeps.Reports;
using SweepCluster.Sweeps.Tests.Reports;

namespace SweepCluster.Reports.Tests;

internal static class ReportFixtures
{
    /// <summary>A name that breaks every format that forgets to escape.</summary>
    public const string HostileName = "lr <script>alert('x')</script> & \"batch\" | sweep, v2";

    public static SweepReport Realistic(string name = "digits: lr × batch schedules") =>
        SweepReportBuilder.Build(SyntheticSweep.Realistic(name));
}
