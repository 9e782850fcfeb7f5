// The DeterministicRandom stream ids the data layer draws from, one per job, so that a data_seed gives the same
// splits and the same synthetic tables in any process and never shares draws with initialisation or shuffling.
// Deliberately does not hold the training-side streams (weights, batch order); those belong to the trainer.
namespace SweepCluster.Engine.Data;

/// <summary>Stream ids for <see cref="DeterministicRandom.ForStream"/> used with a data_seed.</summary>
internal static class DataRandomStreams
{
    /// <summary>Train/validation permutation ("split" in ASCII).</summary>
    public const ulong Split = 0x73_70_6C_69_74;

    /// <summary>Held-out test permutation ("test" in ASCII).</summary>
    public const ulong Test = 0x74_65_73_74;

    /// <summary>synthetic-regression draws ("synreg" in ASCII).</summary>
    public const ulong SyntheticRegression = 0x73_79_6E_72_65_67;

    /// <summary>spirals draws ("spiral" in ASCII).</summary>
    public const ulong Spirals = 0x73_70_69_72_61_6C;
}
