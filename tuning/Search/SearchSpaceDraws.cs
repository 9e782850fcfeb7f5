// Fresh draws from a sweep's search space, apart from its trials: what PBT's explore step takes when it resamples
// "from the spec". Random search samples streams of its own, so the trials' draws stay as they are; a grid picks one
// of its combinations. The same draw number always gives the same schedules.
using SweepCluster.Core.Specs;
using SweepCluster.Engine;
using SweepCluster.Specs.Sweeps;

namespace SweepCluster.Tuning.Search;

internal static class SearchSpaceDraws
{
    /// <summary>Random search: draw d is sampled as combination number 2^40 + d, far above any trial's (an int).</summary>
    private const long RandomDrawBase = 1L << 40;

    /// <summary>Grid search: the stream that chooses draw d's combination ("RESAMPLE").</summary>
    private const ulong GridDrawStream = 0x52_45_53_41_4D_50_4C_45UL;

    public static TrialSpec Random(SweepSpec sweep, int draw) =>
        Bind(sweep, sweep.Space.Sample(sweep.SearchSeed, RandomDrawBase + Checked(draw)));

    public static TrialSpec Grid(SweepSpec sweep, int draw)
    {
        var combination = DeterministicRandom.ForStream(sweep.SearchSeed, GridDrawStream + (ulong)Checked(draw)).NextInt(sweep.Combinations);
        return Bind(sweep, sweep.Space.Pick(combination));
    }

    private static int Checked(int draw)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(draw);
        return draw;
    }

    // Bound like trial 0 (its seed): only the drawn schedules are used, never the seed.
    private static TrialSpec Bind(SweepSpec sweep, ExpandedTrial trial) => TrialConfiguration.Of(sweep, 0, 0, trial).Spec;
}
