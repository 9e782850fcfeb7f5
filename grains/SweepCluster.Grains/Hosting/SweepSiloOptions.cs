// The one options class of a SweepCluster silo, bound from appsettings.json (section "SweepCluster"), environment
// variables (SweepCluster__Slots=4) and command-line flags (--slots 4). Multi-machine settings join it later.
namespace SweepCluster.Grains.Hosting;

public sealed class SweepSiloOptions
{
    public const string Section = "SweepCluster";

    /// <summary>Trials this silo trains at once; 0 means one per processor.</summary>
    public int Slots { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = DefaultSiloPort;

    /// <summary>Port clients connect to; 0 disables the gateway (an embedded silo used only in-process).</summary>
    public int GatewayPort { get; set; } = DefaultGatewayPort;

    public string ClusterId { get; set; } = "sweepcluster-dev";
    public string ServiceId { get; set; } = "sweepcluster";

    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    /// <summary>The slot count in effect (<see cref="Slots"/>, or the processor count when it is 0).</summary>
    public int EffectiveSlots => Slots > 0 ? Slots : Environment.ProcessorCount;

    /// <summary>Command-line flags and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--slots"] = $"{Section}:{nameof(Slots)}",
        ["--silo-port"] = $"{Section}:{nameof(SiloPort)}",
        ["--gateway-port"] = $"{Section}:{nameof(GatewayPort)}",
        ["--cluster-id"] = $"{Section}:{nameof(ClusterId)}",
        ["--service-id"] = $"{Section}:{nameof(ServiceId)}",
        ["--http-port"] = $"{Section}:{nameof(HttpPort)}",
        ["--http-bind"] = $"{Section}:{nameof(HttpBind)}",
        ["--http-user"] = $"{Section}:{nameof(HttpUser)}",
    };

    /// <summary>Throws with a message naming the flag when a value is out of range.</summary>
    public void Validate()
    {
        if (Slots < 0) throw new ArgumentException($"--slots must be 0 (one per processor) or more, got {Slots}");
        if (SiloPort is <= 0 or > ushort.MaxValue) throw new ArgumentException($"--silo-port must be 1-65535, got {SiloPort}");
        if (GatewayPort is < 0 or > ushort.MaxValue) throw new ArgumentException($"--gateway-port must be 0-65535, got {GatewayPort}");
        ValidateHttp();
    }

    // ---- web (issue 6) ----

    /// <summary>Port of the silo's web host (Orleans dashboard and sweep pages); 0 disables it.</summary>
    public int HttpPort { get; set; } = DefaultHttpPort;

    /// <summary>The IP address the web host listens on: loopback unless asked (0.0.0.0 opens it to the network).</summary>
    public string HttpBind { get; set; } = DefaultHttpBind;

    /// <summary>Basic-auth user name over every page; null or empty: no authentication. The password is read from
    /// the <see cref="HttpPasswordVariable"/> environment variable, never from the command line.</summary>
    public string? HttpUser { get; set; }

    public const int DefaultHttpPort = 8080;
    public const string DefaultHttpBind = "127.0.0.1";

    /// <summary>The environment variable holding the basic-auth password of <see cref="HttpUser"/>.</summary>
    public const string HttpPasswordVariable = "SWEEPCLUSTER_HTTP_PASSWORD";

    /// <summary>The web host is on (<see cref="HttpPort"/> is not 0).</summary>
    public bool HttpEnabled => HttpPort != 0;

    /// <summary>The parsed <see cref="HttpBind"/> address (valid after <see cref="Validate"/>).</summary>
    public System.Net.IPAddress HttpBindAddress => System.Net.IPAddress.Parse(HttpBind);

    /// <summary>Throws with a message naming the flag when a web setting is out of range.</summary>
    public void ValidateHttp()
    {
        if (HttpPort is < 0 or > ushort.MaxValue) throw new ArgumentException($"--http-port must be 0 (no web host) or 1-65535, got {HttpPort}");
        if (!System.Net.IPAddress.TryParse(HttpBind, out _))
            throw new ArgumentException($"--http-bind must be an IP address such as {DefaultHttpBind} (this machine only) or 0.0.0.0 (every interface), got '{HttpBind}'");
        if (HttpUser is { } user && user.Contains(':')) throw new ArgumentException($"--http-user must not contain ':', got '{user}'");
    }

    // ---- end web (issue 6) ----
}
