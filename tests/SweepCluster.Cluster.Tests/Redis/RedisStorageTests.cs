using SweepCluster.Abstractions;
using SweepCluster.Cluster.Tests.Faults;
using SweepCluster.Core;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace SweepCluster.Cluster.Tests.Redis;

/// <summary>Grain state in a real redis-server: a sweep finishes exactly once, and outlives its cluster and Redis itself.</summary>
public sealed class RedisStorageTests(ITestOutputHelper output)
{
    private const string Sweep = """
        name: redis
        dataset: digits
        model: { hidden: [32] }
        optimizer: { type: sgd, momentum: 0.9 }
        learning_rate: [0.02, 0.05]
        batch_size: [16, 32]
        seeds: [1, 2]
        epochs: 5
        """;

    [Fact]
    public async Task ASweepStoredInRedisOutlivesAWholeClusterAndRedisRestart()
    {
        var redis = await RedisServer.StartAsync(appendOnly: true);
        try
        {
            var serviceId = $"sc-test-{Guid.NewGuid():N}";
            const string id = "redis-restart";
            IReadOnlyList<TrialSnapshot> before;
            await using (var first = await RedisClusterHandle.StartAsync(redis.ConnectionString, serviceId, silos: 2))
            {
                var coordinator = await SweepDriver.SubmitAsync(first.Client, id, Sweep);
                await SweepDriver.WaitForEndAsync(coordinator);
                await FaultAssertions.AssertExactlyOnceAndExactAsync(first.Client, id, Sweep, DateTimeOffset.UtcNow, output);
                before = await SnapshotsAsync(first.Client, id, (await coordinator.GetProgressAsync())!.TotalTrials);
            }

            await AssertStoredBinaryAsync(redis.ConnectionString, serviceId, id);
            redis = await redis.RestartAsync(); // killed: only the append-only file carries the state over

            await using var second = await RedisClusterHandle.StartAsync(redis.ConnectionString, serviceId, silos: 1);
            var progress = await SweepDriver.WaitAsync(second.Client.GetGrain<ISweepCoordinatorGrain>(id), p => p.Status.IsTerminal());
            Assert.Equal(SweepStatus.Completed, progress.Status);
            Assert.Equal(before.Count, progress.Count(TrialStatus.Completed));
            var after = await SnapshotsAsync(second.Client, id, before.Count);
            for (var i = 0; i < before.Count; i++)
            {
                Assert.Equal(before[i].Attempts.Count, after[i].Attempts.Count); // nothing ran again
                Assert.Equal(before[i].History, after[i].History);
            }
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }

    private static async Task<IReadOnlyList<TrialSnapshot>> SnapshotsAsync(IGrainFactory grains, string id, int trials) =>
        await Task.WhenAll(Enumerable.Range(0, trials).Select(i => grains.GetGrain<ITrialGrain>($"{id}/{i}").GetSnapshotAsync()));

    // Grain state goes through Orleans' binary grain-state serializer (registered by AddSweepCluster), not JSON.
    private static async Task AssertStoredBinaryAsync(string redis, string serviceId, string sweepId)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var server = connection.GetServers().Single();
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: $"{serviceId}/state/*")) keys.Add(key.ToString());
        Assert.Contains(keys, k => k.Contains($"/{sweepId}/", StringComparison.Ordinal) && k.EndsWith("/trial", StringComparison.Ordinal));
        var database = connection.GetDatabase();
        var sweepKey = keys.Single(k => k.EndsWith($"/{sweepId}/sweep", StringComparison.Ordinal));
        var stored = (byte[]?)await database.HashGetAsync(sweepKey, "data"); // the provider keeps { data, etag } per grain
        Assert.NotNull(stored);
        Assert.NotEqual((byte)'{', stored[0]);
    }
}
