using StackExchange.Redis;
using SweepCluster.Hosting;

namespace SweepCluster.Cluster.Tests.Redis;

/// <summary>Clear errors instead of hangs: Redis unreachable, or a cluster id that does not match the live silos.</summary>
public sealed class ClusterPreflightTests : IAsyncLifetime
{
    private RedisServer? _redis;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_redis is not null) await _redis.DisposeAsync();
    }

    [Fact]
    public async Task AnUnreachableRedisFailsAfterTheBoundedAttemptsNamingTheFlag()
    {
        var nobody = $"127.0.0.1:{RedisServer.FreeLoopbackPort()}";
        var options = Options(nobody, "blue");
        options.RedisConnectAttempts = 2;
        var error = await Assert.ThrowsAsync<ClusterStartupException>(() => ClusterPreflight.CheckSiloAsync(options, CancellationToken.None));
        Assert.Contains("--redis", error.Message);
        Assert.Contains(nobody, error.Message);
        Assert.Contains("2 attempt(s)", error.Message);
    }

    [Fact]
    public async Task ASiloWithAnotherClusterIdThanTheLiveSilosIsRefused()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        await AddMemberAsync(service, "blue", "198.18.0.11:11111@1", DateTimeOffset.UtcNow);

        var error = await Assert.ThrowsAsync<ClusterStartupException>(() =>
            ClusterPreflight.CheckSiloAsync(Options(_redis!.ConnectionString, "green", service), CancellationToken.None));
        Assert.Contains("--cluster-id 'green'", error.Message);
        Assert.Contains("cluster 'blue'", error.Message);

        await ClusterPreflight.CheckSiloAsync(Options(_redis!.ConnectionString, "blue", service), CancellationToken.None); // joins
    }

    [Fact]
    public async Task SilosOfAnotherClusterIdThatStoppedBeatingLongAgoDoNotBlockANewCluster()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        await AddMemberAsync(service, "old", "198.18.0.11:11111@1", DateTimeOffset.UtcNow - RedisMembership.StaleAfter * 2);
        await ClusterPreflight.CheckSiloAsync(Options(_redis!.ConnectionString, "new", service), CancellationToken.None);
    }

    [Fact]
    public async Task AClientWithAClusterIdThatNoSiloHasIsToldWhichOnesExist()
    {
        var service = $"svc-{Guid.NewGuid():N}";
        await AddMemberAsync(service, "blue", "198.18.0.11:11111@1", DateTimeOffset.UtcNow);
        var error = await Assert.ThrowsAsync<ClusterStartupException>(() =>
            ClusterPreflight.CheckClientAsync(_redis!.ConnectionString, "green", service, attempts: 1, CancellationToken.None));
        Assert.Contains("--cluster-id 'green'", error.Message);
        Assert.Contains("Use --cluster-id blue", error.Message);
        await ClusterPreflight.CheckClientAsync(_redis!.ConnectionString, "blue", service, attempts: 1, CancellationToken.None);
    }

    private static SweepSiloOptions Options(string redis, string clusterId, string serviceId = "sweepcluster") => new()
    {
        Clustering = ClusteringKind.Redis,
        Redis = redis,
        ClusterId = clusterId,
        ServiceId = serviceId,
    };

    // A row as Orleans' Redis clustering writes it (checked against a real silo's table).
    private async Task AddMemberAsync(string service, string cluster, string address, DateTimeOffset alive)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(_redis!.ConnectionString);
        var row = $$"""{"SiloAddress":{"SiloAddress":"{{address}}"},"Status":{{RedisMembership.ActiveStatus}},"ProxyPort":30000,"IAmAliveTime":"{{alive:O}}"}""";
        await connection.GetDatabase().HashSetAsync($"{service}/members/{cluster}", [new("Version", "1"), new($"S{address}", row)]);
    }
}
