// The parameter space of a sweep: the trial part of the spec as SpaceNodes, with the operations the loader and the
// searchers need: the grid count (without materialising anything), grid combination number → trial tree, random
// combination number → trial tree (one independent generator stream per combination, so any combination can be
// drawn on its own, in any order, and adding trials keeps the earlier ones), a draw from any draw source (TPE, Sobol),
// the decision points (dimensions) a searcher draws at, and the validation cover. It does not bind trial specs
// (ExpandedTrialBinder) and knows nothing of seeds or sweep settings.
using System.Numerics;
using SweepCluster.Engine;

namespace SweepCluster.Specs.Sweeps;

/// <summary>The space of trial specs a sweep spec describes.</summary>
internal sealed class ParameterSpace
{
    /// <summary>Added to the combination number to name its generator stream ("SWPRAND" in ASCII), keeping sweep
    /// draws apart from the engine's own streams.</summary>
    private const ulong RandomStreamBase = 0x53_57_50_52_41_4E_44_00UL;

    private readonly SpecMapping _trialPart;
    private readonly SpaceNode _root;

    public ParameterSpace(SpecMapping trialPart, SpaceNode root)
    {
        _trialPart = trialPart;
        _root = root;
        Axes = TopLevelAxes(root).Select(Describe).ToArray();
        Dimensions = DimensionsBelow(root).ToArray();
    }

    /// <summary>The number of grid combinations: the product over the axes of their (nested) alternative counts.</summary>
    public BigInteger GridCombinations => _root.GridCount;

    /// <summary>The top-level axes and distributions in file order.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>The space as nodes (for locating a configuration in it, SpacePointLocator).</summary>
    public SpaceNode Root => _root;

    /// <summary>Every decision point of the space in file order, depth first (a choice before its alternatives' own
    /// points); a drawn combination activates the choices and the points under the alternatives it takes.</summary>
    public IReadOnlyList<SpaceDimension> Dimensions { get; }

    /// <summary>Grid combination <paramref name="combination"/> (0 ≤ it &lt; <see cref="GridCombinations"/>).</summary>
    public ExpandedTrial Pick(long combination)
    {
        var recorder = new ExpansionRecorder();
        return recorder.Finish(AsMapping(_root.Pick(combination, recorder)));
    }

    /// <summary>Random combination <paramref name="combination"/>, drawn from its own stream of <paramref name="searchSeed"/>.</summary>
    public ExpandedTrial Sample(long searchSeed, long combination)
    {
        var random = DeterministicRandom.ForStream(searchSeed, RandomStreamBase + (ulong)combination);
        return Sample(new UniformSpaceDraws(random));
    }

    /// <summary>The combination <paramref name="draws"/> chooses at each decision point it reaches.</summary>
    public ExpandedTrial Sample(ISpaceDraws draws)
    {
        var recorder = new ExpansionRecorder();
        return recorder.Finish(AsMapping(_root.Sample(draws, recorder)));
    }

    /// <summary>Distinct grid combinations that together pick every alternative of every axis at least once
    /// (distributions at their low end), in increasing order.</summary>
    public IReadOnlyList<long> Cover() => _root.Cover().Distinct().Order().ToArray();

    private SpecMapping AsMapping(SpecNode? node) => node as SpecMapping ?? new SpecMapping(_trialPart.Line, _trialPart.Column, []);

    private static IEnumerable<SpaceNode> TopLevelAxes(SpaceNode node) => node switch
    {
        ChoiceSpace or DistributionSpace => [node],
        ProductSpace product => product.Children.SelectMany(TopLevelAxes),
        _ => [],
    };

    private static IEnumerable<SpaceDimension> DimensionsBelow(SpaceNode node) => node switch
    {
        DistributionSpace distribution => [distribution.Dimension],
        ChoiceSpace choice => choice.Items.SelectMany(DimensionsBelow).Prepend(choice.Dimension),
        ProductSpace product => product.Children.SelectMany(DimensionsBelow),
        _ => [],
    };

    private static SweepAxis Describe(SpaceNode node) => node switch
    {
        DistributionSpace distribution => new SweepAxis(node.FieldPath, distribution.Describe(), null),
        ChoiceSpace choice => new SweepAxis(node.FieldPath, choice.Kind, choice.IsContinuous ? null : (long)BigInteger.Min(choice.GridCount, long.MaxValue)),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "not an axis"),
    };
}
