// Which Hyperband bracket a combination's trials run in: a pure function of the combination's index and its trials'
// epochs, weighted as Hyperband weights its brackets. It keeps no state and decides nothing about promotions.
//
// Brackets: S = `brackets` from the spec, or every bracket the epochs allow (one per rung plus one), at most
// SchedulerSettings.DefaultMostBrackets; never more than a trial's epochs allow (a shorter trial has fewer).
// Bracket s's first rung is min_epochs·η^s; the last bracket of a trial with every bracket has no rung (full training).
//
// Weights: bracket s of S gets n_s = ⌈S·η^(S−1−s) / (S−s)⌉, Hyperband's number of configurations of the bracket with
// S−1−s halvings (Li et al. 2018, Algorithm 1, with budget S·R) and Optuna's HyperbandPruner's trial allocation
// budget: the aggressive brackets, whose trials cost little each, see the most combinations.
//
// Placement: combination c sits at u = frac((c + 1)·φ) in [0, 1), the golden-ratio Weyl sequence in 64-bit fixed
// point, and runs in bracket s when ⌊u·Σn⌋ falls in s's share (shares laid out in bracket order). Why not Optuna's
// hash of the trial number: a hash meets the weights only on average, while the Weyl points of any run of consecutive
// combinations spread almost evenly (the three-distance theorem), so even the first dozen combinations of a sweep are
// split close to the weights, and every arithmetic progression of combinations (those sharing a grid axis value) is
// equidistributed too. Keyed by the combination, not the trial, so every seed of a combination is in one bracket and
// its results meet the same rungs. Nothing random, nothing by arrival: extending a sweep leaves every bracket as it was.
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Scheduling;

/// <summary>Hyperband's brackets of a sweep: how many a trial has, their weights, and a combination's bracket.</summary>
public sealed class HyperbandBrackets
{
    /// <summary>2^64/φ: one step of the golden-ratio Weyl sequence in 64-bit fixed point (as in Fibonacci hashing).</summary>
    private const ulong GoldenStep = 0x9E37_79B9_7F4A_7C15UL;

    private const int FixedPointBits = 64;

    private readonly SchedulerSettings _settings;

    public HyperbandBrackets(SchedulerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Eta, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MinEpochs, 1);
        if (settings.Brackets is { } brackets) ArgumentOutOfRangeException.ThrowIfLessThan(brackets, 1, nameof(settings));
        _settings = settings;
    }

    /// <summary>How many brackets a trial of <paramref name="epochs"/> epochs has (at least 1).</summary>
    public int Count(int epochs) => Math.Min(_settings.Brackets ?? SchedulerSettings.DefaultMostBrackets, _settings.MostBrackets(epochs));

    /// <summary>Bracket <paramref name="bracket"/>'s weight among <paramref name="count"/>: ⌈S·η^(S−1−s)/(S−s)⌉.</summary>
    /// <exception cref="OverflowException">η and the epochs are so large that the weight does not fit a long.</exception>
    public long Weight(int bracket, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bracket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bracket, count);
        var halvings = count - 1 - bracket;
        long power = 1;
        for (var k = 0; k < halvings; k++) power = checked(power * _settings.Eta);
        return checked(count * power + halvings) / (halvings + 1);
    }

    /// <summary>The bracket of combination <paramref name="combination"/>, whose trials train <paramref name="epochs"/> epochs.</summary>
    public int Of(int combination, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(combination);
        var count = Count(epochs);
        var weights = Enumerable.Range(0, count).Select(s => Weight(s, count)).ToArray();
        var point = unchecked((ulong)(combination + 1L) * GoldenStep); // frac((c + 1)·φ) · 2^64
        var position = (long)(((UInt128)point * (ulong)weights.Sum()) >> FixedPointBits); // ⌊u·Σn⌋, in [0, Σn)
        for (var bracket = 0; bracket < count; bracket++)
        {
            position -= weights[bracket];
            if (position < 0) return bracket;
        }
        throw new InvalidOperationException("unreachable: the position lies below the sum of the weights");
    }
}
