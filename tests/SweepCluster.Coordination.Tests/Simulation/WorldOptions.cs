// How one simulated world is set up and how hostile it is, all drawn from its seed: silos and slots, the trials'
// checkpoint interval and how often they report progress, whether the user cancels (and resumes) or extends the sweep,
// and the rates of each fault during the first Horizon steps (then calm, so every sweep must end).
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

/// <summary>Relative weights of each fault per step while faults are on (0: never).</summary>
/// <param name="CrashInStep">The chance that the coordinator crashes within one step, between two of its commands.</param>
/// <param name="CallFails">The chance that one call of the coordinator fails (lost on its way, or its answer lost).</param>
internal sealed record FaultProfile(int Horizon, double Drop, double Duplicate, double KillSilo, double RestartSilo,
    double RestartCoordinator, double CrashInStep, double Deactivate, double QuestionTimeout, double Delay, double CallFails)
{
    public static FaultProfile None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>A random mix: some worlds lose messages, some lose silos, some lose their coordinator, most a bit of each.</summary>
    public static FaultProfile Draw(SimRandom random)
    {
        double Rate(double max) => random.Chance(0.25) ? 0 : random.NextDouble() * max;
        return new FaultProfile(random.Between(20, 900), Rate(1.0), Rate(0.6), Rate(0.12), Rate(0.4), Rate(0.12),
            random.Chance(0.5) ? random.NextDouble() * 0.03 : 0, Rate(0.3), Rate(0.2), Rate(0.3), random.Chance(0.5) ? random.NextDouble() * 0.2 : 0);
    }
}

/// <param name="Ordered">Deliver the oldest message first, then advance runs in trial order, then tick: the reference run.</param>
/// <param name="CancelAt">The step at which the user cancels the sweep; null: never.</param>
/// <param name="ResumeAt">The step at which the user resumes the cancelled sweep (or when it has ended, if sooner); null: never.</param>
/// <param name="ExtendAt">The step at which the user extends the sweep with <paramref name="Extension"/> (or when it has
/// ended, if sooner); null: never.</param>
internal sealed record WorldOptions(int Silos, int SlotsPerSilo, bool Ordered, int CheckpointEvery, double ProgressChance,
    FaultProfile Faults, int? CancelAt, int? ResumeAt = null, int? ExtendAt = null, SweepExtension? Extension = null)
{
    /// <summary>One silo with one slot, no faults, every message delivered in order at once: the sweep one event at a time.</summary>
    public static WorldOptions Reference { get; } = new(1, 1, Ordered: true, CheckpointEvery: 1, ProgressChance: 1, FaultProfile.None, null);

    public static WorldOptions Draw(SimRandom random, bool mayCancel) => new(
        Silos: random.Between(1, 3),
        SlotsPerSilo: random.Between(1, 3),
        Ordered: false,
        CheckpointEvery: random.Between(1, 3),
        ProgressChance: random.NextDouble(),
        Faults: FaultProfile.Draw(random),
        CancelAt: mayCancel && random.Chance(0.15) ? random.Between(1, 400) : null);

    /// <summary>
    /// These options with a resume after the cancel (or a cancel first, then a resume) and an extension at random
    /// points, drawn from <paramref name="random"/> (a stream of its own: the options drawn before stay as they were).
    /// </summary>
    public WorldOptions WithChanges(SimRandom random, SweepExtension extension)
    {
        var cancelAt = CancelAt ?? (random.Chance(0.5) ? random.Between(1, 400) : null);
        return this with
        {
            CancelAt = cancelAt,
            ResumeAt = cancelAt is { } c && random.Chance(0.8) ? c + random.Between(0, 300) : null,
            ExtendAt = random.Chance(0.5) ? random.Between(1, 700) : null,
            Extension = extension,
        };
    }
}
