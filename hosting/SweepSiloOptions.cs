// The one options class of a SweepCluster silo, bound from appsettings.json (section "SweepCluster"), environment
// variables (SweepCluster__Slots=4) and command-line flags (--slots 4).
using SweepCluster.Engine.Memory;
using SweepCluster.Hosting.Security;
using SweepCluster.Store;
using SweepCluster.Web.Hosting;

namespace SweepCluster.Hosting;

public sealed class SweepSiloOptions
{
    public const string Section = "SweepCluster";

    /// <summary>Trials this silo trains at once; 0 means one per processor.</summary>
    public int Slots { get; set; }

    /// <summary>The most memory one trial may take, in MB; 0 means the machine's share: the memory available to this
    /// process divided by <see cref="EffectiveSlots"/>, and at least <see cref="TrialMemoryBudget.FloorBytes"/>. A trial
    /// whose estimate is over it is refused at submission and, on this silo, before it allocates anything.</summary>
    public long TrialMemoryMb { get; set; }

    /// <summary>The budget in effect (<see cref="TrialMemoryMb"/>, or the machine's share).</summary>
    public TrialMemoryBudget EffectiveTrialMemory => TrialMemoryBudget.Resolve(TrialMemoryMb, EffectiveSlots);

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>Port clients connect to; 0 disables the gateway (an embedded silo used only in-process).</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    public string ClusterId { get; set; } = "sweepcluster-dev";
    public string ServiceId { get; set; } = "sweepcluster";

    // ---- clustering ----

    /// <summary>How silos find each other: <see cref="ClusteringKind.Localhost"/> (one machine, no service),
    /// <see cref="ClusteringKind.Postgres"/> (several machines; membership, grain state and study tables in the
    /// PostgreSQL store) or <see cref="ClusteringKind.Redis"/> (several machines; membership, grain state and reminders
    /// in Redis).</summary>
    public ClusteringKind Clustering { get; set; } = ClusteringKind.Localhost;

    /// <summary>StackExchange.Redis connection string (<c>host:port</c>, optionally <c>,password=...</c>); required
    /// with <see cref="ClusteringKind.Redis"/>.</summary>
    public string? Redis { get; set; }

    /// <summary>The IP address other silos and clients reach this silo at; empty means this machine's first
    /// non-loopback IPv4 address. Used with PostgreSQL and Redis clustering (localhost clustering always uses the
    /// loopback).</summary>
    public string? Advertise { get; set; }

    /// <summary>Connection attempts to Redis before the silo gives up with an error naming <c>--redis</c>.</summary>
    public int RedisConnectAttempts { get; set; } = DefaultRedisConnectAttempts;

    public const int DefaultRedisConnectAttempts = 5;

    /// <summary>Running as a Kubernetes pod (deploy/k8s): identity and advertised IP from the pod's environment, and
    /// Orleans' Kubernetes hosting removes the pods of dead silos. Read by the silo program only.</summary>
    public bool Kubernetes { get; set; }

    /// <summary>Flags of the clustering settings.</summary>
    public static IReadOnlyDictionary<string, string> ClusteringSwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--clustering"] = $"{Section}:{nameof(Clustering)}",
        ["--redis"] = $"{Section}:{nameof(Redis)}",
        ["--advertise"] = $"{Section}:{nameof(Advertise)}",
        ["--redis-connect-attempts"] = $"{Section}:{nameof(RedisConnectAttempts)}",
        ["--kubernetes"] = $"{Section}:{nameof(Kubernetes)}",
    };

    /// <summary>Throws with a message naming the flag when a clustering setting is missing or invalid.</summary>
    public void ValidateClustering()
    {
        if (!Enum.IsDefined(Clustering)) throw new ArgumentException($"--clustering must be one of {string.Join(", ", ClusteringKindNames.All)}, got {Clustering}");
        if (Clustering == ClusteringKind.Redis && string.IsNullOrWhiteSpace(Redis))
            throw new ArgumentException("--clustering redis needs --redis host:port (a StackExchange.Redis connection string)");
        if (!string.IsNullOrWhiteSpace(Advertise) && !System.Net.IPAddress.TryParse(Advertise, out _))
            throw new ArgumentException($"--advertise must be an IP address (e.g. 192.0.2.10), got '{Advertise}'");
        if (RedisConnectAttempts < 1) throw new ArgumentException($"--redis-connect-attempts must be 1 or more, got {RedisConnectAttempts}");
        if (string.IsNullOrWhiteSpace(ClusterId)) throw new ArgumentException("--cluster-id must not be empty");
        if (string.IsNullOrWhiteSpace(ServiceId)) throw new ArgumentException("--service-id must not be empty");
        if (Clustering == ClusteringKind.Postgres && !IsPostgresStore(EffectiveStore))
            throw new ArgumentException($"--clustering postgres keeps the membership, grain state and study tables in one PostgreSQL database: " +
                                        $"use --store postgres (the default with it), not --store {EffectiveStore}");
        if (Kubernetes && Clustering == ClusteringKind.Localhost)
            throw new ArgumentException("--kubernetes true needs --clustering postgres or redis (pods come and go; membership and state must live outside them)");
    }

    // ---- end of clustering ----

    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>The slot count in effect (<see cref="Slots"/>, or the processor count when it is 0).</summary>
    public int EffectiveSlots => Slots > 0 ? Slots : Environment.ProcessorCount;

    /// <summary>Command-line flags and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(ClusteringSwitchMappings)
    {
        ["--slots"] = $"{Section}:{nameof(Slots)}",
        [TrialMemoryBudget.Flag] = $"{Section}:{nameof(TrialMemoryMb)}",
        ["--silo-port"] = $"{Section}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{Section}:{nameof(GatewayPort)}",
        ["--cluster-id"] = $"{Section}:{nameof(ClusterId)}",
        ["--service-id"] = $"{Section}:{nameof(ServiceId)}",
        ["--http-port"] = $"{Section}:{nameof(HttpPort)}",
        ["--http-bind"] = $"{Section}:{nameof(HttpBind)}",
        ["--http-user"] = $"{Section}:{nameof(HttpUser)}",
        ["--http-insecure"] = $"{Section}:{nameof(HttpInsecure)}",
        ["--store"] = $"{Section}:{nameof(Store)}",
        ["--store-connection-file"] = $"{Section}:{nameof(StoreConnectionFile)}",
        ["--https-cert"] = $"{Section}:{nameof(HttpsCertificate)}",
        ["--https-key"] = $"{Section}:{nameof(HttpsKey)}",
    }.Concat(ClusterTlsSettings.SwitchMappings(Section)).ToDictionary();

    /// <summary>Throws with a message naming the flag when a value is out of range.</summary>
    public void Validate()
    {
        ValidateClustering();
        if (Slots < 0) throw new ArgumentException($"--slots must be 0 (one per processor) or more, got {Slots}");
        if (TrialMemoryMb < 0)
            throw new ArgumentException($"{TrialMemoryBudget.Flag} must be 0 (the machine's memory divided by the slots) or more, got {TrialMemoryMb}");
        if (SiloPort is <= 0 or > ushort.MaxValue) throw new ArgumentException($"--silo-port must be 1-65535, got {SiloPort}");
        if (GatewayPort is < 0 or > ushort.MaxValue) throw new ArgumentException($"--gateway-port must be 0-65535, got {GatewayPort}");
        ValidateHttp();
        Tls.Validate();
    }

    // ---- cluster TLS ----

    /// <summary>Mutual TLS between silos and between clients and gateways: the mode (<c>--cluster-tls</c>) and this
    /// silo's PEM files (<c>--tls-cert</c>, <c>--tls-key</c>, <c>--tls-ca</c>; section <c>SweepCluster:Tls</c>,
    /// <c>SweepCluster__Tls__Certificate</c>-style variables). See <see cref="ClusterTlsRequirement"/>.</summary>
    public ClusterTlsSettings Tls { get; set; } = new();

    // ---- store ----

    /// <summary>Where grain state and the study tables live: a SQLite file's path, <c>memory</c> (nothing on disk) or
    /// <c>postgres</c> (the connection string from <see cref="StoreConnectionFile"/> or the environment variable
    /// SWEEPCLUSTER_STORE_CONNECTION); empty: <see cref="StoreLocation.DefaultSqlitePath"/> with localhost clustering,
    /// <c>postgres</c> with PostgreSQL clustering, <c>memory</c> with Redis clustering (grain state in Redis).</summary>
    public string? Store { get; set; }

    /// <summary>With <c>--store postgres</c>: a file holding the Npgsql connection string (never the command line).</summary>
    public string? StoreConnectionFile { get; set; }

    /// <summary>Whether the silo goes on with the sweeps its store says were running (a silo program does; an embedded
    /// silo that a command starts only to read or change one sweep does not).</summary>
    public bool ResumeRunningSweeps { get; set; } = true;

    /// <summary><see cref="Store"/>, or the default of the clustering kind when it is empty.</summary>
    public string EffectiveStore => !string.IsNullOrWhiteSpace(Store) ? Store.Trim() : Clustering switch
    {
        ClusteringKind.Postgres => Storage.StoreSelection.PostgresValue,
        ClusteringKind.Redis => Storage.StoreSelection.MemoryValue,
        _ => StoreLocation.DefaultSqlitePath,
    };

    private static bool IsPostgresStore(string store) => string.Equals(store, Storage.StoreSelection.PostgresValue, StringComparison.OrdinalIgnoreCase);

    // ---- web ----

    /// <summary>Port of the silo's web host (Orleans dashboard and sweep pages); 0 disables it.</summary>
    public int HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>The IP address the web host listens on: loopback unless asked (0.0.0.0 opens it to the network).</summary>
    public string HttpBind { get; set; } = DefaultHttpBind;

    /// <summary>Basic-auth user name over every page; null or empty: no authentication. The password is read from
    /// the <see cref="HttpPasswordVariable"/> environment variable, never from the command line.</summary>
    public string? HttpUser { get; set; }

    /// <summary>Serve a non-loopback <see cref="HttpBind"/> without a login (refused unless asked for).</summary>
    public bool HttpInsecure { get; set; }

    /// <summary>The web host's certificate (PEM) for HTTPS; with <see cref="HttpsKey"/>. Null: plain HTTP.</summary>
    public string? HttpsCertificate { get; set; }

    /// <summary>The private key of <see cref="HttpsCertificate"/> (PEM, unencrypted).</summary>
    public string? HttpsKey { get; set; }

    public const int DefaultHttpPort = SweepWebOptions.DefaultPort;
    public const string DefaultHttpBind = SweepWebOptions.DefaultBind;

    /// <summary>The environment variable holding the basic-auth password of <see cref="HttpUser"/>.</summary>
    public const string HttpPasswordVariable = SweepWebOptions.PasswordVariable;

    /// <summary>The web host is on (<see cref="HttpPort"/> is not 0).</summary>
    public bool HttpEnabled => HttpPort != 0;

    /// <summary>What the web host is given: <see cref="HttpPort"/>, <see cref="HttpBind"/> and <see cref="HttpUser"/>.</summary>
    public SweepWebOptions Web => new(HttpPort, HttpBind, HttpUser, HttpInsecure) { HttpsCertificate = HttpsCertificate, HttpsKey = HttpsKey };

    /// <summary>Throws with a message naming the flag when a web setting is out of range.</summary>
    public void ValidateHttp() => Web.Validate();

    // ---- end web ----
}
