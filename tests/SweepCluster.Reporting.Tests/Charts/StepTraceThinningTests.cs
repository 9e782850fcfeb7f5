// StepTraceThinning: a trace never holds more than MaxPoints points, keeps the first and the last step, holds exactly
// the applied value at every step it keeps, keeps every change when they fit (and then loses nothing), and otherwise
// keeps an even sample plus both sides of every change into a long constant run.
using SweepCluster.Core.Reports;

namespace SweepCluster.Reporting.Tests.Charts;

public sealed class StepTraceThinningTests
{
    [Fact]
    public void APiecewiseScheduleKeepsEveryChangeAndTheLastStep()
    {
        double[] values = [0.1, 0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.025];

        var trace = StepTraceThinning.Thin(values);

        Assert.True(trace.Exact);
        Assert.Equal([0L, 3, 5, 7], trace.Steps);
        Assert.Equal([0.1, 0.05, 0.025, 0.025], trace.Values);
    }

    [Fact]
    public void ASmoothScheduleOfAHundredThousandStepsIsAnEvenSampleWithinTheBound()
    {
        const int steps = 100_000;
        var values = Enumerable.Range(0, steps).Select(t => 0.1 * (1 + Math.Cos(Math.PI * t / steps)) / 2).ToArray();

        var trace = StepTraceThinning.Thin(values);

        Assert.False(trace.Exact);
        Assert.InRange(trace.Count, StepTraceThinning.MaxPoints / 4, StepTraceThinning.MaxPoints); // a third of the budget samples
        Assert.Equal(0, trace.Steps[0]);
        Assert.Equal(steps - 1, trace.Steps[^1]);
        AssertValuesAtTheirSteps(values, trace);
        var gaps = trace.Steps.Zip(trace.Steps.Skip(1), (a, b) => b - a).Distinct().ToArray();
        Assert.True(gaps.Length <= 2, $"uneven sample: gaps {string.Join(",", gaps)}"); // the stride, and the stub before the last step
    }

    [Fact]
    public void AStepDropInsideALongSmoothRunKeepsBothSidesOfTheDrop()
    {
        // A warm-up over 50,000 steps, then constant, then halved at step 80,001.
        const int steps = 120_000;
        var values = Enumerable.Range(0, steps).Select(t => t < 50_000 ? 0.1 * (t + 1) / 50_000 : t < 80_001 ? 0.1 : 0.05).ToArray();

        var trace = StepTraceThinning.Thin(values);

        Assert.False(trace.Exact);
        Assert.True(trace.Count <= StepTraceThinning.MaxPoints);
        Assert.Contains(80_000L, trace.Steps);
        Assert.Contains(80_001L, trace.Steps);
        AssertValuesAtTheirSteps(values, trace);
    }

    [Fact]
    public void ManyShortRunsStayWithinTheBound()
    {
        // A batch size of 32 with a remainder batch of 30 closing each of 5,000 epochs: 10,000 changes.
        var values = Enumerable.Range(0, 5_000).SelectMany(_ => Enumerable.Repeat(32.0, 44).Append(30.0)).ToArray();

        var trace = StepTraceThinning.Thin(values);

        Assert.False(trace.Exact);
        Assert.True(trace.Count <= StepTraceThinning.MaxPoints, $"{trace.Count} points");
        AssertValuesAtTheirSteps(values, trace);
    }

    [Fact]
    public void JustAsManyChangesAsTheBoundIsStillExact()
    {
        var values = Enumerable.Range(0, StepTraceThinning.MaxPoints).Select(t => (double)t).ToArray();

        var trace = StepTraceThinning.Thin(values);

        Assert.True(trace.Exact);
        Assert.Equal(StepTraceThinning.MaxPoints, trace.Count);
        Assert.False(StepTraceThinning.Thin([.. values, values.Length]).Exact);
    }

    [Fact]
    public void NoStepsGiveAnEmptyTrace() => Assert.Equal(0, StepTraceThinning.Thin([]).Count);

    private static void AssertValuesAtTheirSteps(double[] values, StepTrace trace)
    {
        Assert.True(trace.Steps.Zip(trace.Steps.Skip(1), (a, b) => a < b).All(increasing => increasing));
        for (var p = 0; p < trace.Count; p++) Assert.Equal(values[trace.Steps[p]], trace.Values[p]);
    }
}
