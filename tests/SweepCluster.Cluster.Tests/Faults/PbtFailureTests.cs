// A silo killed in the middle of a PBT sweep changes nothing: every member resumes from its checkpoint, the exploits
// (whose copies travel between trial grains, possibly through a reactivated donor) are the same, and every member's
// history equals that of the same sweep run undisturbed on the same cluster, bit for bit.
using SweepCluster.Abstractions;
using SweepCluster.Core;
using SweepCluster.Core.Reports;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Faults;

public sealed class PbtFailureTests(ITestOutputHelper output)
{
    private const int Population = 6;

    // 6 members of 24 digits epochs: a generation every 6 epochs; a model large enough that members are caught training
    // early, and killed then.
    private static readonly string Spec = $$"""
        name: pbt-faults
        dataset: digits
        model: { hidden: [128, 64] }
        optimizer: { type: sgd, momentum: 0.9 }
        search: { strategy: random, trials: {{Population}}, seed: 11 }
        learning_rate: { loguniform: [0.002, 0.2] }
        batch_size: { choice: [8, 16] }
        epochs: 24
        checkpoint_every: 1
        scheduler: { type: pbt, interval: 6, quantile: 0.34 }
        """;

    [Fact]
    public async Task KillingASiloMidPbtChangesNoMembersHistoryAndNoExploit()
    {
        await using var handle = await TestClusterHandle.StartAsync(3);
        var calm = await RunAsync(handle, "pbt-calm", kill: false);
        var killed = await RunAsync(handle, "pbt-kill", kill: true);

        output.WriteLine("undisturbed:\n  " + string.Join("\n  ", calm.Exploits));
        output.WriteLine("with the kill:\n  " + string.Join("\n  ", killed.Exploits));
        Assert.NotEmpty(calm.Exploits);
        Assert.Equal(calm.Exploits, killed.Exploits);
        for (var index = 0; index < Population; index++)
            Assert.Equal(calm.Histories[index], killed.Histories[index]);
    }

    private sealed record Outcome(IReadOnlyList<(int Trial, ExploitEvent Exploit)> Exploits,
        IReadOnlyList<IReadOnlyList<EpochRecord>> Histories);

    private async Task<Outcome> RunAsync(TestClusterHandle handle, string sweepId, bool kill)
    {
        var coordinator = await SweepDriver.SubmitAsync(handle.Grains, sweepId, Spec);
        if (kill)
        {
            var (victim, running) = await SiloFailureTests.SiloWithRunningTrialsAsync(handle, sweepId, Population);
            await handle.KillAsync(victim);
            var deadAt = DateTimeOffset.UtcNow;
            output.WriteLine($"killed {victim.SiloAddress} while it trained members {string.Join(", ", running)}");
            await SweepDriver.WaitForEndAsync(coordinator);
            foreach (var trial in running)
            {
                var attempts = (await handle.Grains.GetGrain<ITrialGrain>($"{sweepId}/{trial}").GetSnapshotAsync()).Attempts;
                Assert.Contains(attempts, a => a.StartedAt > deadAt && a.Silo != victim.SiloAddress.Endpoint.ToString()); // went on elsewhere
            }
        }
        var progress = await SweepDriver.WaitForEndAsync(coordinator);
        Assert.Equal(Population, progress.Count(TrialStatus.Completed));
        var report = await SweepDriver.ReportAsync(coordinator);
        var histories = new List<IReadOnlyList<EpochRecord>>();
        for (var index = 0; index < Population; index++)
        {
            var snapshot = await handle.Grains.GetGrain<ITrialGrain>($"{sweepId}/{index}").GetSnapshotAsync();
            Assert.Equal(TrialStatus.Completed, snapshot.Status);
            Assert.Equal(24, snapshot.History.Count);
            histories.Add(snapshot.History);
        }
        return new Outcome(report.Exploits!.Select(e => (e.Index, e.Exploit)).ToArray(), histories);
    }
}
