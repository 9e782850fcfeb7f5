// A silo refuses a trial over its memory budget of one trial before the trainer allocates anything: the runner
// throws TrialRefusedException with the field and the sizes, and no epoch is reported. The silo setting binds and
// validates like the others.
using System.Threading.Channels;
using Microsoft.Extensions.Configuration;
using SweepCluster.Abstractions;
using SweepCluster.Engine.Data;
using SweepCluster.Core.Specs;
using SweepCluster.Engine.Memory;
using SweepCluster.Grains.Trials;
using SweepCluster.Hosting;
using SweepCluster.Specs;

namespace SweepCluster.Cluster.Tests.Trials;

public sealed class TrialRunnerMemoryTests
{
    /// <summary>Far more than the refused trial could allocate before the check: its weights alone are ~16 GB.</summary>
    private const long MostBytesBeforeTheRefusal = 64 * ByteCount.Megabyte;

    private static TrialSpec Spec(int hidden) => TrialSpecLoader.Parse($$"""
        dataset: iris
        model: { hidden: [{{hidden}}] }
        batch_size: 16
        epochs: 1
        """, SpecFormat.Yaml).Spec;

    [Fact]
    public void ATrialOverTheBudgetIsRefusedBeforeItAllocates()
    {
        var assignment = new TrialAssignment("refused", 0, Spec(1_000_000_000), null, 1, 1);
        var progress = Channel.CreateUnbounded<EpochProgress>();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refusal = Assert.Throws<TrialRefusedException>(() =>
            TrialRunner.Run(assignment, SweepDatasets.BuiltInsOnly, null, progress.Writer, CancellationToken.None, TrialMemoryBudget.FromMegabytes(512)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains(TrialMemoryCheck.HiddenField, refusal.Message);
        Assert.Contains("budget of 512 MB", refusal.Message);
        Assert.True(allocated < MostBytesBeforeTheRefusal, $"allocated {allocated:N0} bytes before refusing");
        Assert.True(progress.Reader.Completion.IsCompleted);
        Assert.False(progress.Reader.TryRead(out _));
    }

    [Fact]
    public void ATrialWithinTheBudgetTrains()
    {
        var assignment = new TrialAssignment("fits", 0, Spec(8), null, 1, 1);
        var progress = Channel.CreateUnbounded<EpochProgress>();
        var result = TrialRunner.Run(assignment, SweepDatasets.BuiltInsOnly, null, progress.Writer, CancellationToken.None, TrialMemoryBudget.FromMegabytes(512));
        Assert.Single(result.History);
    }

    [Fact]
    public void TheSiloSettingBindsFromItsFlagAndRefusesANegativeValue()
    {
        var configuration = new ConfigurationBuilder()
            .AddCommandLine(["--trial-memory-mb", "768", "--slots", "2"], SweepSiloOptions.SwitchMappings).Build();
        var options = SweepSiloOptionsBinding.Bind(configuration);

        Assert.Equal(768 * ByteCount.Megabyte, options.EffectiveTrialMemory.Bytes);
        Assert.True(new SweepSiloOptions { Slots = 2 }.EffectiveTrialMemory.Bytes >= TrialMemoryBudget.FloorBytes);
        var error = Assert.Throws<ArgumentException>(() => new SweepSiloOptions { TrialMemoryMb = -1 }.Validate());
        Assert.Contains(TrialMemoryBudget.Flag, error.Message);
    }
}
