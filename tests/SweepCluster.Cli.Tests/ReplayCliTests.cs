// Issue 7, `sweep replay` against a running cluster: a PBT sweep runs on a silo in this test process; `sweep replay`
// (a separate process) writes the spec of the trial that exploited another, and `sweep train` (another process)
// reproduces that trial's whole history — the donor's epochs before the exploit included — to the last bit.
// A trial index out of range and an unknown sweep exit 2 and write nothing.
using SweepCluster.Abstractions;
using SweepCluster.Cli.Tests.BadInput;
using SweepCluster.Core;
using SweepCluster.Engine.Training;

namespace SweepCluster.Cli.Tests;

public sealed class ReplayCliTests(GatewaySilo silo) : IClassFixture<GatewaySilo>
{
    private const int InvalidInput = (int)ExitCode.InvalidInput;

    // A population of 4 on digits; at epoch 2 of 4 the bottom quarter (one trial) copies a top one and explores.
    private const string PbtSweep = """
        name: replay-pbt
        dataset: digits
        model: { hidden: [16] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: 4, seed: 3 }
        learning_rate: { loguniform: [0.001, 0.3] }
        batch_size: { choice: [16, 64] }
        epochs: 4
        scheduler: { type: pbt, interval: 2, quantile: 0.25 }
        """;

    [Fact]
    public async Task ReplayWritesASpecThatSweepTrainReproducesBitForBit()
    {
        const string id = "replay-pbt";
        var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        var submitted = await coordinator.SubmitAsync(new SweepSubmission(PbtSweep, "replay-pbt.yaml", null, IsJson: false, AllowLarge: false));
        Assert.Equal(SubmitOutcome.Created, submitted.Outcome);
        var (watchExit, watchText) = CliRunner.Process(["watch", id, .. silo.Flags]);
        Assert.True(watchExit == 0, $"exit {watchExit}:\n{watchText}");
        var report = (await coordinator.GetReportAsync())!;
        var exploit = Assert.Single(report.Exploits ?? []);

        using var folder = new TempDirectory();
        var specFile = folder.File("replay.yaml");
        var (exit, text) = CliRunner.Process(["replay", id, exploit.Index.ToString(), "-o", specFile, .. silo.Flags]);
        Assert.True(exit == 0, $"exit {exit}:\n{text}");
        Assert.Contains("schedule: recorded", File.ReadAllText(specFile));

        var historyFile = folder.File("history.csv");
        var (trainExit, trainText) = CliRunner.Process("train", specFile, "--history", historyFile);
        Assert.True(trainExit == 0, $"exit {trainExit}:\n{trainText}");
        var trial = await silo.Grains.GetGrain<ITrialGrain>($"{id}/{exploit.Index}").GetSnapshotAsync();
        Assert.Equal(TrialStatus.Completed, trial.Status);
        var expected = new StringWriter();
        HistoryCsv.Write(expected, trial.History);
        Assert.Equal(expected.ToString().ReplaceLineEndings(), File.ReadAllText(historyFile).ReplaceLineEndings());
    }

    [Fact]
    public async Task ATrialOutOfRangeOrAnUnknownSweepExitsWithTwoAndWritesNothing()
    {
        const string id = "replay-range";
        var coordinator = silo.Grains.GetGrain<ISweepCoordinatorGrain>(id);
        Assert.Equal(SubmitOutcome.Created, (await coordinator.SubmitAsync(new SweepSubmission("""
            name: replay-range
            dataset: iris
            model: { hidden: [4] }
            learning_rate: [0.05, 0.1]
            batch_size: 16
            epochs: 2
            """, "replay-range.yaml", null, IsJson: false, AllowLarge: false))).Outcome);
        using var folder = new TempDirectory();
        var specFile = folder.File("replay.yaml");

        var (exit, text) = CliRunner.Process(["replay", id, "2", "-o", specFile, .. silo.Flags]);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains("trials 0 to 1; there is no trial 2", text);

        (exit, text) = CliRunner.Process(["replay", "no-such-sweep", "0", "-o", specFile, .. silo.Flags]);
        Assert.True(exit == InvalidInput, $"exit {exit}:\n{text}");
        Assert.Contains("'no-such-sweep'", text);
        Assert.False(File.Exists(specFile));
    }
}
