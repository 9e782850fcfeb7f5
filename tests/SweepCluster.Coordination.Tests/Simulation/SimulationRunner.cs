// Runs one seeded world of one sweep and compares it with the same sweep run one event at a time. Everything is
// derived from (sweep, seed): the world's options and faults, and the trials' nature (one of 24 per sweep, so the
// fault-free reference of each is computed once and cached). A failure is rerun with its trace on, which replays it
// exactly, and reported with its seed, its options and the last steps before the violation.
using System.Collections.Concurrent;
using SweepCluster.Core;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Coordination.Tests.Simulation;

/// <summary>What one run went through (to show the worlds are as hostile as intended) and how the sweep ended.</summary>
internal sealed record RunReport(int Steps, IReadOnlyDictionary<string, int> Events, bool Cancelled, SweepOutcome Outcome);

internal static class SimulationRunner
{
    private const int Natures = 24;

    private static readonly ConcurrentDictionary<(string Sweep, int Nature, int Trials), SweepOutcome> References = new();

    /// <summary>The resume and extend draws come from a stream of their own: a world's other options stay as they were.</summary>
    private const ulong ChangesStream = 0xC4A7_6E5D_0000_0000UL;

    public static IReadOnlyDictionary<string, string> Sweeps { get; } = new Dictionary<string, string>
    {
        ["fifo"] = Specs.FifoGrid,
        ["asha"] = Specs.Asha,
        ["asha-pareto"] = Specs.AshaPareto,
        ["asha-pareto-front"] = Specs.AshaParetoFront,
        ["hyperband"] = Specs.Hyperband,
        ["pbt"] = Specs.Pbt,
        ["tpe"] = Specs.Tpe,
        ["nsga2"] = Specs.NsgaII,
    };

    /// <summary>Runs seed <paramref name="seed"/> of <paramref name="sweep"/>; throws <see cref="SimulationException"/> on a violation.</summary>
    public static RunReport Run(string sweep, int seed, bool trace = false, bool changes = false) => Run(sweep, seed, trace, changes, out _);

    /// <summary>What `sweep extend` adds in the worlds with changes: seeds to the grid, combinations to ASHA's random
    /// search, and to PBT's population something it refuses.</summary>
    public static IReadOnlyDictionary<string, SweepExtension> Extensions { get; } = new Dictionary<string, SweepExtension>
    {
        ["fifo"] = new(0, [3]),
        ["asha"] = new(3, []),
        ["asha-pareto"] = new(3, []),
        ["asha-pareto-front"] = new(3, []),
        ["hyperband"] = new(3, []),
        ["pbt"] = new(1, []),
        ["tpe"] = new(2, []),
        ["nsga2"] = new(2, []),
    };

    private static RunReport Run(string sweep, int seed, bool trace, bool changes, out World world)
    {
        var submitted = Specs.Plan(Sweeps[sweep]);
        var worldSeed = WorldSeed(sweep, seed);
        var options = WorldOptions.Draw(new SimRandom(~worldSeed), mayCancel: true);
        if (changes) options = options.WithChanges(new SimRandom(worldSeed ^ ChangesStream), Extensions[sweep]);
        var plan = World.FullPlan(submitted, options);
        var nature = NatureOf(plan, seed % Natures);
        world = new World(submitted, nature, options, worldSeed, trace);
        world.Run();
        var outcome = SweepOutcome.Of(world.Host.Machine);
        // ASHA's decisions depend on the arrival order by design (AshaAudit checks them instead); FIFO's and PBT's do not.
        // A cancel may be the last word (not resumed, or resumed after the coordinator lost it); a PBT generation ranked
        // while the sweep was cancelled is not ranked again with the members that were cancelled.
        var resumedInFull = world.Host.Machine.State.Resumes > 0 && outcome.Status != SweepStatus.Cancelled
            && outcome.Trials.All(t => t.Status != TrialStatus.Cancelled);
        if (plan.Spec.Scheduler == SchedulerKind.Fifo || (plan.Spec.Scheduler == SchedulerKind.Pbt && !world.Host.Cancelled))
        {
            if (world.Host.Cancelled && !resumedInFull) return new RunReport(world.Step, world.Events, world.Host.Cancelled, outcome);
            var expected = References.GetOrAdd((sweep, seed % Natures, plan.TotalTrials), key => Reference(plan, NatureOf(plan, key.Nature)));
            var differences = outcome.Differences(expected).ToArray();
            if (differences.Length > 0)
                world.Violation($"the outcome differs from the same sweep run one event at a time:\n  {string.Join("\n  ", differences)}");
        }
        return new RunReport(world.Step, world.Events, world.Host.Cancelled, outcome);
    }

    /// <summary>The sweep with this nature, fault-free, one silo, one slot, every message delivered at once in order.</summary>
    private static SweepOutcome Reference(SweepPlan plan, TrialNature nature)
    {
        var world = new World(plan, nature, WorldOptions.Reference, seed: 1);
        world.Run();
        return SweepOutcome.Of(world.Host.Machine);
    }

    private static TrialNature NatureOf(SweepPlan plan, int nature) => TrialNature.Create(nature, plan.TrialEpochs, faultyTrials: nature % 4 != 0);

    private static ulong WorldSeed(string sweep, int seed) => TrialNature.HashOf(sweep) ^ ((ulong)seed * 0x9E37_79B9_7F4A_7C15UL);

    /// <summary>Seed <paramref name="seed"/> of <paramref name="sweep"/> run with its trace on: every step it took.</summary>
    public static IReadOnlyList<string> Trace(string sweep, int seed, bool changes = false)
    {
        Run(sweep, seed, trace: true, changes, out var world);
        return world.Trace;
    }

    /// <summary>Null when the seed passes; otherwise the violation, replayed with its trace (the last <paramref name="lines"/> steps).</summary>
    public static string? Failure(string sweep, int seed, int lines = 250, bool changes = false)
    {
        try
        {
            Run(sweep, seed, changes: changes);
            return null;
        }
        catch (Exception first)
        {
            World? world = null;
            try
            {
                Run(sweep, seed, trace: true, changes, out world);
            }
            catch (Exception)
            {
                // the same failure again, now with its trace
            }
            var trace = world is null ? [] : world.Trace.TakeLast(lines);
            var what = first is SimulationException ? first.Message : first.ToString();
            return $"seed {seed} of {sweep}: {what}\n" +
                $"options: {world?.Options}\nstate: {(world is null ? "" : TraceText.Of(world))}\nlast steps:\n{string.Join("\n", trace)}";
        }
    }
}
