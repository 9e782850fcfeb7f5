// What a simulated trial does when it trains, fixed by a nature seed and nothing else: its metric at each epoch (a
// function of the trial, the epoch and the spec it runs, as the engine is bit-for-bit deterministic), and whether it
// fails or diverges at some epoch. Runs of the same sweep with the same nature are therefore comparable, whatever
// order events came in and however often an epoch was trained again after a lost silo.
using SweepCluster.Core;

namespace SweepCluster.Coordination.Tests.Simulation;

/// <param name="FailAt">The epoch whose training fails; 0: never.</param>
/// <param name="Failures">How many times it fails there before it gets through (int.MaxValue: it never does). With the
/// sweeps' one retry: 1 is a transient failure, 2 exhausts the retries exactly, so a failure counted twice, or one
/// not counted, changes the outcome.</param>
/// <param name="DivergeAt">The epoch at which training diverges (the run ends Diverged before recording it); 0: never.</param>
internal sealed record TrialFate(int FailAt, int Failures, int DivergeAt);

internal sealed class TrialNature
{
    private readonly ulong _salt;
    private readonly TrialFate[] _fates;

    private TrialNature(ulong salt, TrialFate[] fates) => (_salt, _fates) = (salt, fates);


    /// <summary>A nature for <paramref name="trialEpochs"/>: mostly healthy trials, a few that fail once, twice or always, or diverge.</summary>
    public static TrialNature Create(int seed, IReadOnlyList<int> trialEpochs, bool faultyTrials)
    {
        var random = new SimRandom(0xFA7E_0000UL + (ulong)seed);
        var fates = trialEpochs.Select(epochs =>
        {
            if (!faultyTrials) return new TrialFate(0, 0, 0);
            var roll = random.NextDouble();
            return roll < 0.10 ? new TrialFate(random.Between(1, epochs), 1, 0)
                : roll < 0.14 ? new TrialFate(random.Between(1, epochs), 2, 0)
                : roll < 0.18 ? new TrialFate(random.Between(1, epochs), int.MaxValue, 0)
                : roll < 0.22 ? new TrialFate(0, 0, random.Between(1, epochs))
                : new TrialFate(0, 0, 0);
        }).ToArray();
        return new TrialNature(random.NextULong(), fates);
    }

    public TrialFate FateOf(int trial) => _fates[trial];

    /// <summary>The record of <paramref name="epoch"/> of <paramref name="trial"/> running the spec whose hash is <paramref name="specHash"/>.</summary>
    private const ulong StepsStream = 0x5739_0000_0000_0000UL;

    public EpochRecord Record(int trial, int epoch, ulong specHash)
    {
        var h = Mix(_salt ^ specHash ^ ((ulong)(uint)trial << 32) ^ (uint)epoch);
        // Two decimals: ties happen, and the schedulers must break them the same way whatever the order.
        var accuracy = 0.30 + (h % 70) / 100.0;
        // Steps per epoch of 10, 15, 20 or 25, fixed per trial (as a batch size would fix them): the cost objective
        // of multi-objective sweeps, so their rungs have fronts of several trials.
        var stepsPerEpoch = 10L + (long)(Mix(_salt ^ specHash ^ ((ulong)(uint)trial << 32) ^ StepsStream) % 4) * 5;
        return new EpochRecord(epoch, epoch * stepsPerEpoch, 1 - accuracy, accuracy, 1 - accuracy, accuracy, null, 0.1, 0, 32);
    }

    /// <summary>FNV-1a of a spec's JSON: which spec a trial runs changes its metrics (PBT's explore).</summary>
    public static ulong HashOf(string text)
    {
        var hash = 0xCBF2_9CE4_8422_2325UL;
        foreach (var c in text) hash = (hash ^ c) * 0x0000_0100_0000_01B3UL;
        return hash;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58_476D_1CE4_E5B9;
        z = (z ^ (z >> 27)) * 0x94D0_49BB_1331_11EB;
        return z ^ (z >> 31);
    }
}
