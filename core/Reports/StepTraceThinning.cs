// Thins one schedule's per-step values to at most MaxPoints points, keeping the values exact at the steps it keeps.
// A schedule with few changes (constant, step, a per-epoch batch size, a plateau's drops, a short warm-up) keeps
// every change and so loses nothing; one that changes at every step of a long run (cosine, exponential, polynomial
// on the step clock) keeps an even sample, plus the two sides of every change into a long constant run, so a step
// drop inside a smooth schedule stays sharp. Deterministic: the same values give the same trace.
namespace SweepCluster.Core.Reports;

/// <summary>Bounded traces of per-step values.</summary>
public static class StepTraceThinning
{
    /// <summary>
    /// The most points a trace holds: the report's size bound, per plotted trial and per schedule (three schedules, a
    /// handful of plotted trials: a few tens of thousands of numbers in a report, whatever the run's length).
    /// </summary>
    public const int MaxPoints = 2_000;

    // A thinned trace's budget, in thirds: the even sample, and two points (either side) per change into a long run.
    private const int SampleBudget = (MaxPoints - 1) / 3;

    /// <summary>The trace of <paramref name="values"/> (one per step, from step 0) in at most <see cref="MaxPoints"/> points.</summary>
    public static StepTrace Thin(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return new StepTrace([], [], Exact: true);
        var changes = ChangeSteps(values);
        var last = values.Count - 1;
        var exact = changes[^1] == last ? changes.Count <= MaxPoints : changes.Count + 1 <= MaxPoints;
        var steps = exact ? new SortedSet<long>(changes) { last } : Sampled(values, changes);
        return new StepTrace(steps.ToArray(), steps.Select(s => values[(int)s]).ToArray(), exact);
    }

    /// <summary>Step 0 and every step whose value's bits differ from the step before.</summary>
    private static List<long> ChangeSteps(IReadOnlyList<double> values)
    {
        var changes = new List<long> { 0 };
        for (var s = 1; s < values.Count; s++)
            if (BitConverter.DoubleToInt64Bits(values[s]) != BitConverter.DoubleToInt64Bits(values[s - 1])) changes.Add(s);
        return changes;
    }

    // Every stride-th step, the last step, and both sides of each change into a run longer than the stride (at most
    // Count / (stride + 1) < SampleBudget such runs): at most 3 · SampleBudget + 1 ≤ MaxPoints points.
    private static SortedSet<long> Sampled(IReadOnlyList<double> values, List<long> changes)
    {
        var count = values.Count;
        var stride = (count + SampleBudget - 1) / SampleBudget;
        var steps = new SortedSet<long> { count - 1 };
        for (long s = 0; s < count; s += stride) steps.Add(s);
        for (var c = 1; c < changes.Count; c++)
        {
            var runEnd = c + 1 < changes.Count ? changes[c + 1] : count;
            if (runEnd - changes[c] <= stride) continue;
            steps.Add(changes[c] - 1);
            steps.Add(changes[c]);
        }
        return steps;
    }
}
