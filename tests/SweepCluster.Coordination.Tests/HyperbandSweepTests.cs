// A Hyperband sweep driven to its end through the simulated cluster (Simulation/World.cs: lost messages, slow and
// dying silos, restarts of the coordinator), with the machine's invariants checked after every step: every sweep ends,
// no trial is stopped anywhere but at a rung of its own bracket, and the bracket without rungs trains every trial in
// full; and each trial's start names only its own bracket's rungs as decision epochs. ASHA's rule within each bracket
// is the tuning tests' to check (HyperbandSchedulerTests). A finished Hyperband sweep refuses extension as ASHA's does.
using System.Collections.Concurrent;
using SweepCluster.Coordination.Tests.Decisions;
using SweepCluster.Coordination.Tests.Simulation;
using SweepCluster.Core;
using SweepCluster.Tuning.Scheduling;

namespace SweepCluster.Coordination.Tests;

public sealed class HyperbandSweepTests
{
    private const int Seeds = 40;
    private const string Sweep = "hyperband";

    [Fact]
    public void EveryWorldEndsWithEachTrialStoppedOnlyAtItsBracketsRungs()
    {
        var plan = Specs.Plan(Specs.Hyperband);
        var hyperband = Assert.IsType<HyperbandScheduler>(TrialSchedulerFactory.Create(plan.Spec));
        var rungs = Enumerable.Range(0, plan.TotalTrials).Select(t => hyperband.Rungs(plan.CombinationOf(t), plan.EpochsOf(t))).ToArray();
        Assert.Contains(rungs, r => r.Count == 0); // a bracket trains in full
        Assert.Contains(rungs, r => r.Count == 1); // one starts at epoch 3
        var failures = new ConcurrentBag<string>();
        var prunedAt = new ConcurrentDictionary<int, int>();
        Parallel.For(1, Seeds + 1, seed =>
        {
            try
            {
                var outcome = SimulationRunner.Run(Sweep, seed).Outcome;
                if (outcome.Status == SweepStatus.Running) failures.Add($"seed {seed}: the sweep did not end");
                foreach (var trial in outcome.Trials.Where(t => t.Status is TrialStatus.Pruned or TrialStatus.Paused))
                {
                    prunedAt.AddOrUpdate(trial.Epochs, 1, (_, n) => n + 1);
                    if (!rungs[trial.Index].Contains(trial.Epochs))
                        failures.Add($"seed {seed}: {trial}, not at a rung of its bracket ({string.Join(", ", rungs[trial.Index])})");
                }
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.Message}"); // a violated invariant, or the machine refusing a move
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal([1, 3], prunedAt.Keys.Order()); // both rungs pruned trials
    }

    [Fact]
    public void EachTrialIsToldToWaitOnlyAtItsBracketsRungs()
    {
        var script = MachineScript.Started(Specs.Hyperband, MachineScript.Silo("a", 18));
        var hyperband = (HyperbandScheduler)TrialSchedulerFactory.Create(script.Plan.Spec);
        foreach (var start in script.Starts())
        {
            var rungs = hyperband.Rungs(script.Plan.CombinationOf(start.TrialIndex), script.Plan.EpochsOf(start.TrialIndex));
            Assert.Equal(rungs, start.DecisionEpochs ?? []);
        }
        Assert.Equal(18, script.Starts().Count);
    }

    [Fact]
    public void AFinishedHyperbandSweepIsNotExtendedAsAFinishedAshaSweepIsNot()
    {
        var plan = Specs.Plan(Specs.Hyperband);
        var more = new SweepExtension(3, []);
        Assert.Null(ExtensionCheck.Refusal(plan, SweepStatus.Running, "hb", more));
        Assert.Contains("sweep hb uses Hyperband and has finished: its rungs are settled", ExtensionCheck.Refusal(plan, SweepStatus.Completed, "hb", more));
    }
}
