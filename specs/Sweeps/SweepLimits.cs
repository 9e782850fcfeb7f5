// The named limits of sweep specs. Pure constants; the loader and the settings binder enforce them.
namespace SweepCluster.Specs.Sweeps;

/// <summary>Limits that keep a sweep spec from expanding into more work than was meant.</summary>
public static class SweepLimits
{
    /// <summary>A sweep with more trials than this is refused unless the caller passes allowLarge (<c>--allow-large</c>).</summary>
    public const int MaxTrialsWithoutAllowLarge = 100_000;

    /// <summary>Grids with at most this many combinations have every combination bound during validation;
    /// larger ones (allowed with allowLarge) bind a cover in which every alternative of every axis appears once.</summary>
    public const int MaxCombinationsValidatedExhaustively = 100_000;

    /// <summary>Longest sweep name (it becomes a folder name).</summary>
    public const int MaxNameLength = 64;

    /// <summary>The sweep name used for specs parsed from text without a file name.</summary>
    public const string InlineDefaultName = "sweep";

    /// <summary>Default re-runs of a failed trial.</summary>
    public const int DefaultRetries = 2;

    /// <summary>
    /// Without checkpoint_every or checkpoint_seconds, a trial stores a checkpoint after the first epoch that ends at
    /// least this many seconds after its last one: after every epoch of a slow trial, about once a second for a fast one.
    /// </summary>
    public const double DefaultCheckpointSeconds = 1.0;

    /// <summary>The trial seed used when the spec gives neither seeds nor seed.</summary>
    public const long DefaultSeed = 1;

    /// <summary>How many combinations <see cref="SweepSpecSummary.Describe"/> shows by default.</summary>
    public const int DefaultSummaryCombinations = 10;
}
