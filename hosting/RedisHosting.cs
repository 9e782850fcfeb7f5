// Several machines, the alternative to PostgreSQL: Redis holds the membership table, every grain's state and the reminders, so a sweep survives the
// loss of any silo and a restart of the whole cluster. The cluster and service ids and the advertised endpoint come
// from SweepSiloOptions; grain state keeps Orleans' binary serializer, as on one machine.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using StackExchange.Redis;
using SweepCluster.Grains;
using SweepCluster.Hosting.Storage;

namespace SweepCluster.Hosting;

public static class RedisHosting
{
    /// <summary>How long one attempt to reach Redis may take, in the silo and in the preflight check.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A silo of a multi-machine cluster: Redis membership, Redis grain storage and Redis reminders.</summary>
    public static ISiloBuilder UseSweepClusterRedis(this ISiloBuilder silo, SweepSiloOptions options, StoreKind storeKind = StoreKind.Memory)
    {
        options.Validate();
        if (options.Clustering != ClusteringKind.Redis) throw new ArgumentException("UseSweepClusterRedis needs --clustering redis");
        var redis = options.Redis!;
        silo.UseRedisClustering(o => o.ConfigurationOptions = Configuration(redis));
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });
        silo.ConfigureEndpoints(SiloEndpoints.AdvertisedAddress(options), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        if (storeKind == StoreKind.Memory) silo.AddSweepClusterRedisStorage(redis);
        else silo.AddSweepClusterStoreGrainStorage().UseRedisReminderService(o => o.ConfigurationOptions = Configuration(redis));
        return silo.AddSweepCluster(options.EffectiveSlots, options.EffectiveTrialMemory);
    }

    /// <summary>
    /// Redis grain storage (with Orleans' binary grain-state serializer) and Redis reminders, so the coordinator's
    /// wake-up reminder survives too. Used by <see cref="UseSweepClusterRedis"/> and by test clusters.
    /// </summary>
    public static ISiloBuilder AddSweepClusterRedisStorage(this ISiloBuilder silo, string redis)
    {
        silo.AddRedisGrainStorage(StorageNames.Sweeps, (OptionsBuilder<Orleans.Persistence.RedisStorageOptions> builder) =>
            builder.Configure<IServiceProvider>((o, services) =>
            {
                o.ConfigurationOptions = Configuration(redis);
                o.GrainStorageSerializer = services.GetRequiredService<IGrainStorageSerializer>();
            }));
        silo.UseRedisReminderService(o => o.ConfigurationOptions = Configuration(redis));
        return silo;
    }

    /// <summary>
    /// The connection settings every Redis user of a silo shares: bounded connect attempts, and reconnecting by itself
    /// after Redis restarts instead of failing for good.
    /// </summary>
    public static ConfigurationOptions Configuration(string redis)
    {
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(redis);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"--redis '{RedisText.Redact(redis)}' is not a Redis connection string (host:port[,password=...]): {RedisText.Scrub(error.Message, redis)}", error);
        }
        if (parsed.EndPoints.Count == 0) throw new ArgumentException($"--redis '{RedisText.Redact(redis)}' names no host:port");
        parsed.AbortOnConnectFail = false;
        parsed.ConnectTimeout = (int)ConnectTimeout.TotalMilliseconds;
        return parsed;
    }
}
