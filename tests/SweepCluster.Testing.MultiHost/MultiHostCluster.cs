// A SweepCluster on real network hosts (deploy/netns): redis-server on the Redis host, one silo process per silo host,
// Redis clustering and storage, and this process as the client from the root namespace. Every wait is bounded;
// disposing kills every process it started (by PID) and tears the network down.
using SweepCluster.Hosting;

namespace SweepCluster.Testing.MultiHost;

public sealed class MultiHostCluster : IAsyncDisposable
{
    public const int RedisPort = 6379;
    public const int SiloPort = SweepSiloOptions.DefaultSiloPort;
    public const int GatewayPort = SweepSiloOptions.DefaultGatewayPort;

    /// <summary>How long silos get to start and show up as active in the membership table.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Silo processes log warnings only (Orleans is chatty at start).</summary>
    private static readonly Dictionary<string, string> SiloEnvironment = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private readonly NetnsNetwork _network;
    private readonly string _siloAssembly;
    private readonly string _redisDirectory;
    private readonly Dictionary<int, HostProcess> _silos = [];
    private HostProcess? _redis;

    private MultiHostCluster(NetnsNetwork network, string siloAssembly, string clusterId, string serviceId, int slotsPerSilo)
    {
        _network = network;
        _siloAssembly = siloAssembly;
        ClusterId = clusterId;
        ServiceId = serviceId;
        SlotsPerSilo = slotsPerSilo;
        _redisDirectory = Directory.CreateTempSubdirectory("sc-netns-redis-").FullName;
    }

    public string ClusterId { get; }
    public string ServiceId { get; }
    public int SlotsPerSilo { get; }
    public NetnsNetwork Network => _network;

    /// <summary>The connection string clients and silos use: Redis on its own host.</summary>
    public string Redis => $"{_network.Address(NetnsNetwork.RedisHost)}:{RedisPort}";

    /// <summary>How the CLI reaches this cluster (through the Redis membership table).</summary>
    public ClusterTarget Target => new(GatewayPort, ClusterId, ServiceId, Redis);

    /// <summary>Builds the network with <paramref name="siloHosts"/> silo hosts and starts Redis; no silo yet.</summary>
    public static async Task<MultiHostCluster> StartAsync(string repositoryRoot, string siloAssembly, int siloHosts, int slotsPerSilo, string clusterId, string serviceId)
    {
        if (!File.Exists(siloAssembly)) throw new FileNotFoundException($"the silo is not built: {siloAssembly} (dotnet build SweepCluster.sln)", siloAssembly);
        var network = NetnsNetwork.Up(repositoryRoot, siloHosts);
        var cluster = new MultiHostCluster(network, siloAssembly, clusterId, serviceId, slotsPerSilo);
        try
        {
            await cluster.StartRedisAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // Append-only, so the state also survives a restart of Redis; protected mode off because clients come from other
    // hosts (on a real network, set a password: deploy/README.md).
    private async Task StartRedisAsync()
    {
        _redis = _network.Start(NetnsNetwork.RedisHost, new Dictionary<string, string>(), "redis-server",
            "--port", $"{RedisPort}", "--bind", _network.Address(NetnsNetwork.RedisHost), "--protected-mode", "no",
            "--save", "", "--appendonly", "yes", "--dir", _redisDirectory, "--daemonize", "no");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            try
            {
                await RedisMembership.ReadAsync(Redis, ServiceId, attempts: 1, CancellationToken.None);
                return;
            }
            catch (ClusterStartupException) when (DateTime.UtcNow < deadline && !_redis.HasExited)
            {
                await Task.Delay(PollInterval);
            }
            catch (ClusterStartupException error)
            {
                throw new InvalidOperationException($"redis-server on {Redis} did not answer: {error.Message}\n{_redis.Output()}", error);
            }
        }
    }

    /// <summary>Starts silos on the given hosts (1-based) and waits until each is active in the membership table.</summary>
    public async Task StartSilosAsync(params int[] numbers)
    {
        var since = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1);
        foreach (var number in numbers)
        {
            if (_silos.Remove(number, out var previous)) await previous.DisposeAsync();
            var host = NetnsNetwork.SiloHost(number);
            _silos[number] = _network.Start(host, SiloEnvironment, "dotnet", _siloAssembly,
                "--clustering", "redis", "--redis", Redis, "--advertise", _network.Address(host),
                "--silo-port", $"{SiloPort}", "--gateway-port", $"{GatewayPort}", "--slots", $"{SlotsPerSilo}",
                "--cluster-id", ClusterId, "--service-id", ServiceId);
        }
        var wanted = numbers.Select(n => $"{_network.Address(NetnsNetwork.SiloHost(n))}:{SiloPort}@").ToArray();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var snapshot = await RedisMembership.ReadAsync(Redis, ServiceId, attempts: 1, CancellationToken.None);
            var active = snapshot.Rows.Where(r => r.ClusterId == ClusterId && r.Status == RedisMembership.ActiveStatus && r.IAmAliveTime >= since).ToArray();
            if (wanted.All(w => active.Any(r => r.Address.StartsWith(w, StringComparison.Ordinal)))) return;
            var dead = numbers.Select(n => _silos[n]).FirstOrDefault(s => s.HasExited);
            if (dead is not null) throw new InvalidOperationException($"the silo on {dead.Host} exited while starting:\n{dead.Output()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"silos {string.Join(", ", numbers)} were not active within {StartTimeout.TotalSeconds:0} s; table: " +
                    string.Join("; ", snapshot.Rows.Select(r => $"{r.ClusterId} {r.Address} status {r.Status}")) +
                    "\n" + string.Join("\n", numbers.Select(n => $"{NetnsNetwork.SiloHost(n)}: {_silos[n].Output()}")));
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>The address a silo host's trials report as theirs (<c>ip:port</c>).</summary>
    public string SiloEndpoint(int number) => $"{_network.Address(NetnsNetwork.SiloHost(number))}:{SiloPort}";

    /// <summary>kill -9 of one silo host's process.</summary>
    public Task KillSiloAsync(int number) => _silos[number].KillAsync();

    /// <summary>Stops every silo (SIGTERM, bounded, then SIGKILL), all at once.</summary>
    public Task StopAllSilosAsync() => Task.WhenAll(_silos.Values.Select(s => s.StopAsync()));

    public string Diagnostics() =>
        string.Join("\n", _silos.Select(s => $"--- {s.Value.Host} (pid {s.Value.Pid}){(s.Value.HasExited ? ", exited" : "")}:\n{s.Value.Output()}"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var silo in _silos.Values) await silo.DisposeAsync();
            if (_redis is not null) await _redis.DisposeAsync();
        }
        finally
        {
            _network.Dispose();
            try { Directory.Delete(_redisDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
