// Pins what the three shipped examples compute, digit for digit, so that restructuring the grains, the stores and the
// projects can be checked against the numbers the product gave before. One silo with one slot: trials run in index
// order, so ASHA's rungs and PBT's generations decide the same way every time. The pinned text is every ranking row,
// every stopped trial, every exploit and every epoch of the top curves, doubles written round-trip ("R").
// After a deliberate change of results, regenerate with SWEEPCLUSTER_UPDATE_PINS=1 and review the diff.
using System.Globalization;
using System.Text;
using SweepCluster.Core;
using SweepCluster.Core.Reports;

namespace SweepCluster.Cluster.Tests.Pins;

public sealed class ExampleResultsPinTests
{
    private const string UpdateVariable = "SWEEPCLUSTER_UPDATE_PINS";

    [Theory]
    [InlineData("quickstart")]
    [InlineData("digits-asha")]
    [InlineData("digits-pbt")]
    public async Task AnExampleGivesThePinnedRankingAndMetrics(string example)
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "examples", $"{example}.yaml"));
        await using var cluster = await TestClusterHandle.StartAsync(1, slotsPerSilo: 1);
        var coordinator = await SweepDriver.SubmitAsync(cluster.Grains, $"pin-{example}", yaml);
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(SweepStatus.Completed, progress.Status);
        var actual = PinText(await SweepDriver.ReportAsync(coordinator));

        var pinFile = Path.Combine(RepositoryRoot(), "tests", "SweepCluster.Cluster.Tests", "Pins", $"{example}.pin.txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(pinFile, actual);
        Assert.True(File.Exists(pinFile), $"{pinFile} is missing; run once with {UpdateVariable}=1 to write it");
        var expected = await File.ReadAllTextAsync(pinFile);
        Assert.Equal(expected.ReplaceLineEndings("\n"), actual);
    }

    internal static string PinText(SweepReport report)
    {
        var text = new StringBuilder();
        text.Append("counts: ").AppendJoin(", ", report.Header.StatusCounts.Where(c => c.Count > 0).Select(c => $"{c.Status}={c.Count}")).Append('\n');
        foreach (var row in report.Ranking)
        {
            text.Append($"rank {row.Rank}: combination {row.Combination} [{string.Join("; ", row.Axes.Select(a => $"{a.Path}={a.Value}"))}]");
            text.Append($" trials={row.Trials} completed={row.Completed} pruned={row.Pruned} diverged={row.Diverged} failed={row.Failed}");
            text.Append($" mean_epochs={R(row.MeanEpochs)}");
            if (row.Metric is { } m) text.Append($" metric n={m.Count} mean={R(m.Mean)} sd={R(m.StdDev)} ci=[{R(m.CiLow)}, {R(m.CiHigh)}]");
            text.Append('\n');
        }
        foreach (var stopped in report.Stopped ?? [])
            text.Append($"stopped {stopped.Index}: {stopped.Status} after epoch {stopped.Epoch} metric={R(stopped.Metric)} ({stopped.Reason})\n");
        foreach (var exploit in report.Exploits ?? [])
        {
            var e = exploit.Exploit;
            text.Append($"exploit {exploit.Index}: epoch {e.Epoch} donor {e.DonorIndex} lr×{R(e.LearningRateFactor)} wd×{R(e.WeightDecayFactor)} bs×{R(e.BatchSizeFactor)} draw={e.ResampleDraw?.ToString(CultureInfo.InvariantCulture) ?? "-"}\n");
        }
        foreach (var curve in report.TopCurves)
        {
            text.Append($"curve rank {curve.Rank} trial {curve.Index} seed {curve.Seed} metric={R(curve.Metric)}\n");
            foreach (var r in curve.History)
                text.Append($"  {r.Epoch} {r.Step} {R(r.TrainLoss)} {R(r.TrainMetric)} {R(r.ValLoss)} {R(r.ValMetric)} {R(r.ValR2)} {R(r.LearningRate)} {R(r.WeightDecay)} {r.BatchSize}\n");
        }
        return text.ToString();
    }

    private static string R(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "-";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SweepCluster.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no SweepCluster.sln above {AppContext.BaseDirectory}");
    }
}
