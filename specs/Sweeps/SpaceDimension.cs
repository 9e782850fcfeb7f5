// One decision point of a parameter space, as a searcher sees it: which alternative a choice takes, or which number a
// distribution draws. It names the point by a key that stays the same across trials and spec reloads, and says what
// may be drawn there. It does not draw, and it does not know which choices must be taken for it to be active.
namespace SweepCluster.Specs.Sweeps;

/// <summary>What a decision point draws.</summary>
public enum SpaceDimensionKind
{
    /// <summary>An alternative index of a choice or grid list: 0 ≤ index &lt; <see cref="SpaceDimension.Alternatives"/>.</summary>
    Categorical,

    /// <summary>An integer in [low, high], both inclusive (<c>int</c>).</summary>
    Integer,

    /// <summary>A real number in [low, high) (<c>uniform</c>, or <c>loguniform</c> when <see cref="SpaceDimension.Log"/>).</summary>
    Float,
}

/// <summary>A decision point of a parameter space.</summary>
/// <param name="Key">Where the point is written in the sweep file, e.g. "learning_rate.choice[1].initial": the field
/// path with the alternative of every enclosing choice, so a family's own parameters have keys of their own.</param>
/// <param name="FieldPath">The trial-spec field path, e.g. "learning_rate.initial" (shared by every family's initial).</param>
/// <param name="Kind">What is drawn.</param>
/// <param name="Alternatives">The number of alternatives of a categorical point; 0 otherwise.</param>
/// <param name="Low">The lower bound (a categorical point: 0).</param>
/// <param name="High">The upper bound (a categorical point: the last index).</param>
/// <param name="Log">True when a number is drawn uniformly in its logarithm.</param>
public sealed record SpaceDimension(string Key, string FieldPath, SpaceDimensionKind Kind, int Alternatives, double Low, double High, bool Log)
{
    /// <summary>A choice with <paramref name="alternatives"/> alternatives.</summary>
    public static SpaceDimension Categorical(string key, string fieldPath, int alternatives) =>
        new(key, fieldPath, SpaceDimensionKind.Categorical, alternatives, 0, alternatives - 1, false);

    /// <summary>True for a choice.</summary>
    public bool IsCategorical => Kind == SpaceDimensionKind.Categorical;
}
