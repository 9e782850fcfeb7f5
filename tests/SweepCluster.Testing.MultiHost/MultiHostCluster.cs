// A SweepCluster on real network hosts (deploy/netns): a PostgreSQL server on the database host, one silo process per
// silo host with `--clustering postgres` (membership, grain state and study tables in that one database; the
// connection string in SWEEPCLUSTER_STORE_CONNECTION, never on a command line), and this process as the client from
// the root namespace. Silo and gateway connections are mutual TLS, as they must be beyond loopback: the cluster's CA
// and one certificate per silo host and for the client are made at start (TestCertificates), and each process gets
// its own in SweepCluster__Tls__* variables. Every wait is bounded; disposing kills every process it started (by PID),
// stops the server, tears the network down and deletes the certificates.
using SweepCluster.Hosting;
using SweepCluster.Hosting.Storage;
using SweepCluster.Store;
using SweepCluster.Testing.Postgres;

namespace SweepCluster.Testing.MultiHost;

public sealed class MultiHostCluster : IAsyncDisposable
{
    public const int PostgresPort = PostgresStoreLocation.DefaultPort;
    public const int SiloPort = SweepSiloOptions.DefaultSiloPort;
    public const int GatewayPort = SweepSiloOptions.DefaultGatewayPort;
    public const string Database = "sweeps";

    /// <summary>The member name of the client's certificate (the test process and the CLI it starts).</summary>
    public const string ClientMember = "client";

    /// <summary>How long silos get to start and show up as active in the membership table.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly NetnsNetwork _network;
    private readonly string _siloAssembly;
    private readonly Dictionary<int, HostProcess> _silos = [];
    private ThrowawayPostgres? _postgres;

    private MultiHostCluster(NetnsNetwork network, TestCertificates certificates, string siloAssembly, string clusterId, string serviceId, int slotsPerSilo)
    {
        _network = network;
        Certificates = certificates;
        _siloAssembly = siloAssembly;
        ClusterId = clusterId;
        ServiceId = serviceId;
        SlotsPerSilo = slotsPerSilo;
    }

    public string ClusterId { get; }
    public string ServiceId { get; }
    public int SlotsPerSilo { get; }
    public NetnsNetwork Network => _network;

    /// <summary>The cluster's CA and its members' certificates (silo1..N and <see cref="ClientMember"/>).</summary>
    public TestCertificates Certificates { get; }

    /// <summary>The cluster's database on its own host (password included: for drivers, never printed).</summary>
    public PostgresStoreLocation Store { get; private set; } = null!;

    /// <summary>The Npgsql connection string silos and the CLI get in <see cref="StoreSelection.ConnectionVariable"/>.</summary>
    public string ConnectionString => _postgres!.ConnectionString(Database);

    /// <summary>How the CLI reaches this cluster (through the PostgreSQL membership table, with the client's certificate).</summary>
    public ClusterTarget Target => new(GatewayPort, ClusterId, ServiceId) { Postgres = Store, Tls = Certificates.Load(ClientMember) };

    /// <summary>Builds the network with <paramref name="siloHosts"/> silo hosts and starts PostgreSQL; no silo yet.</summary>
    public static async Task<MultiHostCluster> StartAsync(string repositoryRoot, string siloAssembly, int siloHosts, int slotsPerSilo, string clusterId, string serviceId)
    {
        if (!File.Exists(siloAssembly)) throw new FileNotFoundException($"the silo is not built: {siloAssembly} (dotnet build SweepCluster.sln)", siloAssembly);
        var certificates = TestCertificates.Create($"{clusterId} CA", [.. Enumerable.Range(1, siloHosts).Select(NetnsNetwork.SiloHost), ClientMember]);
        NetnsNetwork network;
        try
        {
            network = NetnsNetwork.Up(repositoryRoot, siloHosts);
        }
        catch
        {
            certificates.Dispose();
            throw;
        }
        var cluster = new MultiHostCluster(network, certificates, siloAssembly, clusterId, serviceId, slotsPerSilo);
        try
        {
            await cluster.StartPostgresAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    // Listens on the database host's address only; the silo hosts and the root namespace (all in 198.18.0.0/24) log in
    // with the password.
    private async Task StartPostgresAsync()
    {
        var address = _network.Address(NetnsNetwork.DatabaseHost);
        _postgres = ThrowawayPostgres.Start(new PostgresServerSettings(address, PostgresPort, ClientSubnet: Subnet(_network.Address("root")),
            Launcher: command => _network.Inside(NetnsNetwork.DatabaseHost, command)));
        Store = await _postgres.CreateDatabaseAsync(Database);
    }

    private static string Subnet(string address) => $"{address[..address.LastIndexOf('.')]}.0/24";

    /// <summary>The environment of a CLI process of this cluster: the store's connection string and the client's certificate.</summary>
    public IReadOnlyDictionary<string, string> Environment => With(Certificates.Environment(ClientMember));

    /// <summary>The environment of a silo host's process: the store's connection string and that host's certificate.</summary>
    public IReadOnlyDictionary<string, string> SiloEnvironment(int number) => With(Certificates.Environment(NetnsNetwork.SiloHost(number)));

    private Dictionary<string, string> With(IReadOnlyDictionary<string, string> certificates) => new(certificates)
    {
        [StoreSelection.ConnectionVariable] = ConnectionString,
        ["Logging__LogLevel__Default"] = "Warning", // Orleans is chatty at start
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>Starts silos on the given hosts (1-based) and waits until each is active in the membership table.</summary>
    public async Task StartSilosAsync(params int[] numbers)
    {
        var since = DateTimeOffset.UtcNow - TimeSpan.FromSeconds(1);
        foreach (var number in numbers)
        {
            if (_silos.Remove(number, out var previous)) await previous.DisposeAsync();
            var host = NetnsNetwork.SiloHost(number);
            _silos[number] = _network.Start(host, SiloEnvironment(number), "dotnet", _siloAssembly,
                "--clustering", "postgres", "--advertise", _network.Address(host),
                "--silo-port", $"{SiloPort}", "--gateway-port", $"{GatewayPort}", "--slots", $"{SlotsPerSilo}",
                "--cluster-id", ClusterId, "--service-id", ServiceId, "--http-port", "0");
        }
        var wanted = numbers.Select(n => $"{_network.Address(NetnsNetwork.SiloHost(n))}:{SiloPort}@").ToArray();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var rows = await PostgresMembership.ReadAsync(Store, CancellationToken.None);
            var active = rows.Where(r => r.ClusterId == ClusterId && r.Status == MembershipRows.ActiveStatus && r.IAmAliveTime >= since).ToArray();
            if (wanted.All(w => active.Any(r => r.Address.StartsWith(w, StringComparison.Ordinal)))) return;
            var dead = numbers.Select(n => _silos[n]).FirstOrDefault(s => s.HasExited);
            if (dead is not null) throw new InvalidOperationException($"the silo on {dead.Host} exited while starting:\n{dead.Output()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"silos {string.Join(", ", numbers)} were not active within {StartTimeout.TotalSeconds:0} s; table: " +
                    string.Join("; ", rows.Select(r => $"{r.ClusterId} {r.Address} status {r.Status}")) +
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
        string.Join("\n", _silos.Select(s => $"--- {s.Value.Host} (pid {s.Value.Pid}){(s.Value.HasExited ? ", exited" : "")}:\n{s.Value.Output()}"))
        + (_postgres is null ? "" : $"\n--- PostgreSQL log:\n{_postgres.Log()}");

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var silo in _silos.Values) await silo.DisposeAsync();
            if (_postgres is not null) await _postgres.DisposeAsync();
        }
        finally
        {
            try
            {
                _network.Dispose();
            }
            finally
            {
                Certificates.Dispose();
            }
        }
    }
}
