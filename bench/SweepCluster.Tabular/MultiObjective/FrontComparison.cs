// How much of full training's Pareto front a pruned run keeps. Full training runs every trial to the end; its front
// is the non-dominated set of their (final accuracy, planned steps). A pruned run only knows the final vectors of the
// trials it finished. Two figures:
//   - recall: the fraction of the full front's distinct vectors that some finished trial has (a point of the full
//     front is found exactly when a trial with that vector finished: it is non-dominated in every subset);
//   - hypervolume ratio: the 2-objective hypervolume of the finished trials' vectors over that of all trials, from one
//     reference point: the worst accuracy and the largest planned steps among all trials, each pushed out by a tenth
//     of that objective's range (so the front's ends count), the range taken as 1 when all values are equal.
// It does not run anything.
using SweepCluster.Tuning.Search.MultiObjective;

namespace SweepCluster.Tabular.MultiObjective;

/// <summary>A pruned run's front against full training's.</summary>
/// <param name="FrontPoints">Distinct vectors on full training's front.</param>
/// <param name="Kept">How many of them a finished trial has.</param>
/// <param name="HypervolumeRatio">Hypervolume of the finished trials / of all trials, in [0, 1].</param>
public sealed record FrontKept(int FrontPoints, int Kept, double HypervolumeRatio)
{
    /// <summary>Kept / FrontPoints.</summary>
    public double Recall => (double)Kept / FrontPoints;
}

public static class FrontComparison
{
    /// <summary>How far beyond the worst value the hypervolume's reference point sits, as a fraction of the range.</summary>
    public const double ReferenceMargin = 0.1;

    /// <summary>Compares the trials in <paramref name="finished"/> (indices into <paramref name="full"/>) with all of <paramref name="full"/>.</summary>
    /// <param name="full">Every trial's (final accuracy, planned steps), as full training would record them.</param>
    /// <param name="finished">The trials the pruned run trained to the end.</param>
    public static FrontKept Compare(IReadOnlyList<ObjectiveVector> full, IReadOnlyList<int> finished)
    {
        ArgumentOutOfRangeException.ThrowIfZero(full.Count);
        var goals = TableObjectives.Goals;
        var ranks = NonDominatedSorting.Ranks(full, goals);
        var front = full.Where((_, i) => ranks[i] == 0).ToHashSet();
        var found = finished.Select(i => full[i]).ToHashSet();
        var reference = Reference(full);
        var hypervolume = Hypervolume2D.Of(full, goals, reference);
        var kept = Hypervolume2D.Of(finished.Select(i => full[i]).ToArray(), goals, reference);
        return new FrontKept(front.Count, front.Count(found.Contains), hypervolume > 0 ? kept / hypervolume : 1);
    }

    /// <summary>(worst accuracy − margin, most steps + margin) over <paramref name="full"/>.</summary>
    public static ObjectiveVector Reference(IReadOnlyList<ObjectiveVector> full)
    {
        var accuracy = full.Select(v => v[0]).ToArray();
        var steps = full.Select(v => v[1]).ToArray();
        return ObjectiveVector.Of(accuracy.Min() - Margin(accuracy), steps.Max() + Margin(steps));
    }

    private static double Margin(double[] values)
    {
        var range = values.Max() - values.Min();
        return ReferenceMargin * (range > 0 ? range : 1);
    }
}
