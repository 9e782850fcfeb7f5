// A draw source that replays a stored combination: the value recorded under each decision point's key (an
// alternative index, or a number), as ExpandedTrial.Draws holds them and a located first point gives them. It does
// not draw anything new: a point the combination does not record is a programming error, reported as such.
namespace SweepCluster.Specs.Sweeps;

/// <summary>Replays <paramref name="draws"/> (dimension key → alternative index or number).</summary>
internal sealed class RecordedSpaceDraws(IReadOnlyDictionary<string, double> draws) : ISpaceDraws
{
    /// <inheritdoc/>
    public int ChooseAlternative(SpaceDimension dimension) => (int)Recorded(dimension);

    /// <inheritdoc/>
    public double DrawNumber(SpaceDimension dimension) => Recorded(dimension);

    private double Recorded(SpaceDimension dimension) => draws.TryGetValue(dimension.Key, out var value)
        ? value
        : throw new KeyNotFoundException($"the recorded combination has no value for '{dimension.Key}'");
}
