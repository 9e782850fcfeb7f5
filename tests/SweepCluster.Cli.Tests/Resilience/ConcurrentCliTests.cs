// `sweep` as real processes against real silos with TCP gateways: many at once (each also JIT-starts .NET on a
// machine with few cores), and polling through the loss of a sweep's coordinator's silo. No timing thresholds: each
// process is only bounded so that a hang fails the test.
using SweepCluster.Abstractions;
using Xunit.Abstractions;

namespace SweepCluster.Cli.Tests.Resilience;

public sealed class ConcurrentCliTests(ITestOutputHelper log)
{
    private const int Silos = 3;
    private const int Processes = 50;

    /// <summary>One trial of one epoch: the processes, not the training, are what is tested.</summary>
    private const string TinySweep = """
        name: tiny
        dataset: iris
        model: { hidden: [4] }
        optimizer: { type: sgd }
        learning_rate: [0.05]
        batch_size: [16]
        seeds: [1]
        epochs: 1
        """;

    /// <summary>Long enough to be caught running, small enough to end soon after its coordinator's silo is lost.</summary>
    private const string RunningSweep = """
        name: survivor
        dataset: iris
        model: { hidden: [64, 64] }
        optimizer: { type: sgd }
        learning_rate: [0.05, 0.1]
        batch_size: [4]
        seeds: [1, 2]
        epochs: 3000
        checkpoint_every: 100
        """;

    /// <summary>Rounds of `status` and `report` after the kill.</summary>
    private const int PollRoundsAfterKill = 3;

    /// <summary>Sweeps submitted, at most, to get a coordinator on a silo other than the primary (localhost
    /// clustering's membership lives on the primary, so it is never the one killed).</summary>
    private const int PlacementTries = 8;

    [Fact]
    public async Task FiftyProcessesAtOnceAllSucceed()
    {
        await using var silos = await GatewaySilos.StartAsync(Silos);
        using var dir = new TempDirectory();
        var spec = dir.File("tiny.yaml", TinySweep);
        var first = await CliProcesses.RunAsync(dir.Path, ["submit", spec, "--id", "known", .. silos.Flags]);
        Assert.True(first.ExitCode == 0, first.ToString());

        var commands = Enumerable.Range(0, Processes).Select(i => (i % 5) switch
        {
            0 => (string[])["submit", spec, "--id", $"tiny-{i}", "--wait", .. silos.Flags],
            1 or 2 => ["list", .. silos.Flags],
            _ => ["status", "known", .. silos.Flags],
        });
        var results = await Task.WhenAll(commands.Select(arguments => CliProcesses.RunAsync(dir.Path, arguments)));

        log.WriteLine(string.Join(", ", results.GroupBy(r => (r.Arguments[0], r.ExitCode)).Select(g => $"{g.Key.Item1} exit {g.Key.ExitCode}: {g.Count()}")));
        var failed = results.Where(r => r.ExitCode != 0).ToArray();
        Assert.True(failed.Length == 0, $"{failed.Length} of {Processes} failed:\n" + string.Join("\n", failed.Select(f => f.ToString())));
        Assert.All(results.Where(r => r.Arguments[0] == "status"), r => Assert.Contains("coordinator on 127.0.0.1:", r.Output));
    }

    [Fact]
    public async Task PollingThroughTheLossOfTheCoordinatorsSiloNeverPrintsAStackTrace()
    {
        await using var silos = await GatewaySilos.StartAsync(Silos);
        using var dir = new TempDirectory();
        var spec = dir.File("survivor.yaml", RunningSweep);
        var (sweepId, coordinatorSilo) = await SubmitOffThePrimaryAsync(silos, dir.Path, spec);

        var watch = CliProcesses.RunAsync(dir.Path, ["watch", sweepId, .. silos.Flags]);
        var pollers = Task.Run(async () =>
        {
            var polled = new List<CliResult>();
            for (var round = 0; round < PollRoundsAfterKill; round++)
            {
                polled.AddRange(await Task.WhenAll(
                    CliProcesses.RunAsync(dir.Path, ["status", sweepId, .. silos.Flags]),
                    CliProcesses.RunAsync(dir.Path, ["report", sweepId, .. silos.Flags])));
            }
            return polled;
        });
        var before = await silos.Grains.GetGrain<ISweepCoordinatorGrain>(sweepId).GetProgressAsync();
        await silos.KillAsync(coordinatorSilo);
        log.WriteLine($"killed {coordinatorSilo}, the silo of {sweepId}'s coordinator, at: {(before is null ? "?" : Cluster.SweepWatcher.Describe(before))}");
        var results = await pollers;
        results.Add(await watch);
        foreach (var r in results) log.WriteLine($"{r.Arguments[0]} → exit {r.ExitCode}: {r.Output.Split('\n').FirstOrDefault(l => l.Length > 0)}");

        Assert.All(results, r =>
        {
            Assert.False(r.HasStackTrace, r.ToString());
            Assert.True(r.ExitCode == 0 || (r.ExitCode == 1 && r.Output.Contains("error:")), r.ToString());
        });
    }

    /// <summary>Submits through one non-primary gateway until a coordinator lands off the primary; its id and silo.</summary>
    private static async Task<(string SweepId, string Silo)> SubmitOffThePrimaryAsync(GatewaySilos silos, string directory, string spec)
    {
        var primary = $"127.0.0.1:{silos.Running[0].SiloPort}";
        var viaLast = new[] { "--gateway", $"127.0.0.1:{silos.Running[^1].GatewayPort}", "--cluster-id", silos.ClusterId };
        for (var i = 0; i < PlacementTries; i++)
        {
            var id = $"survivor-{i}";
            var submitted = await CliProcesses.RunAsync(directory, ["submit", spec, "--id", id, .. viaLast]);
            Assert.True(submitted.ExitCode == 0, submitted.ToString());
            var placement = await silos.Grains.GetGrain<ISweepCoordinatorGrain>(id).GetPlacementAsync();
            if (placement is not null && placement.CoordinatorSilo != primary) return (id, placement.CoordinatorSilo);
        }
        throw new InvalidOperationException($"no coordinator of {PlacementTries} sweeps was placed off the primary silo");
    }
}
