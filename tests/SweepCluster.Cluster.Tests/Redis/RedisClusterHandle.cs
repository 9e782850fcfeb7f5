// TestingHost clusters whose grain state and reminders live in a real redis-server (the multi-machine configuration,
// with Orleans' in-memory transport and membership standing in for the network).
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using SweepCluster.Grains.Coordination;
using SweepCluster.Hosting;

namespace SweepCluster.Cluster.Tests.Redis;

public static class RedisClusterHandle
{
    /// <summary>Starts <paramref name="silos"/> silos storing everything in <paramref name="redis"/> under <paramref name="serviceId"/>.</summary>
    public static async Task<InProcessTestCluster> StartAsync(string redis, string serviceId, int silos, int slotsPerSilo = TestClusterHandle.DefaultSlotsPerSilo)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ConfigureFileLogging = false;
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddSweepClusterRedisStorage(redis);
            silo.AddSweepCluster(slotsPerSilo);
            silo.Services.Configure<SweepCoordinatorOptions>(o =>
            {
                o.TickPeriod = TimeSpan.FromMilliseconds(200);
                o.ReconcilePeriod = TimeSpan.FromSeconds(1);
            });
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
