// Reports built from the shared synthetic sweep, including one whose name and axis words need escaping, and a PBT
// population with exploits and a member paused at a boundary.
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

internal static class ReportFixtures
{
    /// <summary>A name that breaks every format that forgets to escape.</summary>
    public const string HostileName = "lr <script>alert('x')</script> & \"batch\" | sweep, v2";

    public static SweepReport Realistic(string name = "digits: lr × batch schedules") =>
        SweepReportBuilder.Build(SyntheticSweep.Realistic(name));

    /// <summary>Limits small enough to cut <see cref="Realistic"/> as the defaults cut a 100,000-trial sweep: its 9
    /// combinations to 3, its 5 learning rates to 2, and its families of more than 7 completed trials to 7 dots.</summary>
    public static readonly ReportLimits SmallLimits = new(RankingRows: 3, AxisValues: 2, PlottedValues: 7);

    /// <summary><see cref="Realistic"/> within <see cref="SmallLimits"/>.</summary>
    public static SweepReport RealisticCut() => SweepReportBuilder.Build(SyntheticSweep.Realistic(), SmallLimits);

    /// <summary>ASHA's report: two completed combinations, three pruned (at epochs 3, 1 and 1) and one diverged.</summary>
    public static SweepReport SuccessiveHalving() => SweepReportBuilder.Build(SyntheticSweep.SuccessiveHalving().Build());

    /// <summary>A paused member's reason that breaks every format that forgets to escape.</summary>
    public const string PausedReason = "PBT: waiting for the population at epoch 4 <& \"others\">";

    /// <summary>The synthetic PBT population (trials 2 and 3 exploited, 3 of them in all), trial 1 paused after epoch 4.</summary>
    public static SweepReport PopulationBasedTraining() =>
        SweepReportBuilder.Build(SyntheticSweep.PopulationBasedTraining()
            .WithResult(1, r => r with { Status = TrialStatus.Paused, StopReason = PausedReason, StoppedAtEpoch = 4 })
            .Build(SweepStatus.Running));

    /// <summary>The same population, where the best trial (0) was exploited twice: it is not what its axes say.</summary>
    public static SweepReport ExploitedBestTrial() =>
        SweepReportBuilder.Build(SyntheticSweep.PopulationBasedTraining()
            .WithResult(0, r => r with { Exploits = [new ExploitEvent(4, 2, 1, 1, 1, ResampleDraw: 3), new ExploitEvent(2, 1, 1.2, 0.8, 1.2)] })
            .Build(SweepStatus.Completed));

    /// <summary>More combinations than the terminal's ranking shows (25, one completed seed each, lr-00 best).</summary>
    public static SweepReport MoreThanTheTerminalShows()
    {
        var sweep = new SyntheticSweep(MetricSpec.DefaultRegression, "twenty-five learning rates");
        for (var i = 0; i < TerminalRankingRows + 5; i++) sweep.Completed($"lr-{i:00}", 1.0 + i);
        return SweepReportBuilder.Build(sweep.Build());
    }

    private const int TerminalRankingRows = Terminal.TableRenderer.MaxRankingRows;

    /// <summary>What the best trial's section says of <see cref="ExploitedBestTrial"/>, in every format.</summary>
    public const string ExploitedBestLineage =
        "at epoch 2 copied trial 1 (learning rate ×1.2, weight decay ×0.8, batch size ×1.2); at epoch 4 copied trial 2 (resampled from the search space (draw 3))";
}
