// Elapsed time (creation to end) and compute time (the sum of trial times) are two numbers with two names.
using SweepCluster.Core;
using SweepCluster.Reporting.Formatting;
using SweepCluster.Testing;

namespace SweepCluster.Reporting.Tests;

public sealed class ElapsedAndComputeTests
{
    [Fact]
    public void AFinishedSweepHasBoth()
    {
        var header = SweepReportBuilder.Build(SyntheticSweep.Realistic()).Header;

        Assert.Equal(42 * 60, header.ElapsedSeconds); // SyntheticSweep finishes 42 minutes after creation
        Assert.Equal("elapsed 42 min 00 s · compute 5 min 12 s (sum of trial times; 12.0 s mean per trial)", ReportWords.Times(header));
    }

    [Fact]
    public void ARunningSweepHasNoElapsedTimeYetSoTheReportStaysDeterministic()
    {
        var running = SweepReportBuilder.Build(new SyntheticSweep(MetricSpec.DefaultClassification).Completed("a", 0.9).Build(SweepStatus.Running)).Header;

        Assert.Null(running.ElapsedSeconds);
        Assert.StartsWith($"elapsed {ReportText.Missing} · compute ", ReportWords.Times(running));
    }
}
