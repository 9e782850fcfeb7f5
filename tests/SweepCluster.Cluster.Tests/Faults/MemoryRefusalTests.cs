// A silo whose budget of one trial is smaller than the trial's estimate refuses it before training (the coordinator's
// silo accepted the sweep under its own, larger budget): the trial fails at once with the refusal as its error, is
// retried like any failure (another silo may hold it), and the sweep ends.
using Microsoft.Extensions.DependencyInjection;
using SweepCluster.Core;
using SweepCluster.Engine.Memory;
using SweepCluster.Grains.Trials;

namespace SweepCluster.Cluster.Tests.Faults;

public sealed class MemoryRefusalTests
{
    /// <summary>iris with hidden [2000, 2000]: P ≈ 4.0M floats, about 64 MB with sgd; over 16 MB, under any machine share.</summary>
    private const string Sweep = """
        name: refused
        dataset: iris
        model: { hidden: [2000, 2000] }
        learning_rate: [0.01]
        seeds: [1]
        epochs: 1
        retries: 1
        """;

    private const long SiloBudgetMb = 16;

    [Fact]
    public async Task ASiloRefusesATrialOverItsBudgetWithAClearError()
    {
        var executor = new EngineTrialExecutor(TrialMemoryBudget.FromMegabytes(SiloBudgetMb));
        await using var handle = await TestClusterHandle.StartAsync(1, configure: services => services.AddSingleton<ITrialExecutor>(executor));
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, "refused", Sweep);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);

        Assert.Equal(SweepStatus.Failed, progress.Status); // its only trial failed
        var report = await SweepDriver.ReportAsync(coordinator);
        var failure = Assert.Single(report.Failures);
        Assert.Equal(TrialStatus.Failed, failure.Status);
        Assert.StartsWith($"refused by this silo before training: {TrialMemoryCheck.HiddenField}:", failure.Error);
        Assert.Contains($"budget of {SiloBudgetMb} MB", failure.Error);
        Assert.Equal(2, failure.Attempts); // 1 + retries
    }
}
