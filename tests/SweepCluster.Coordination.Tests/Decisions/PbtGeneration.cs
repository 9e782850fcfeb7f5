// A PBT generation of Specs.Pbt4 (4 members, boundary at epoch 2) released on one silo with four slots: members 0, 1
// and 2 wait there with metrics 0.4, 0.6 and 0.8; then member 3 arrives with 0.2, the worst, and copies member 2,
// the best (the bottom and top quarter of four are one member each).
using SweepCluster.Core;
using static SweepCluster.Coordination.Tests.Decisions.MachineScript;

namespace SweepCluster.Coordination.Tests.Decisions;

internal static class PbtGeneration
{
    public const int Copier = 3;
    public const int Donor = 2;

    /// <summary>Members 0, 1 and 2 wait at epoch 2; member 3 is still training.</summary>
    public static MachineScript Waiting()
    {
        var script = Started(Specs.Pbt4, Silo("a", 4));
        script.AnswerAll();
        foreach (var (trial, metric) in new[] { (0, 0.4), (1, 0.6), (2, 0.8) })
            Assert.Equal(TrialDecision.Pause, script.Ask(trial, 1, 2, metric).Reply!.Decision);
        return script;
    }

    /// <summary>Member 3's question released the generation (the last step).</summary>
    public static MachineScript Released()
    {
        var script = Waiting();
        script.Ask(Copier, 1, 2, 0.2);
        return script;
    }
}
