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
    };

    /// <summary>Throws with a message naming the flag when a value is out of range.</summary>
    public void Validate()
    {
        if (Slots < 0) throw new ArgumentException($"--slots must be 0 (one per processor) or more, got {Slots}");
        if (SiloPort is <= 0 or > ushort.MaxValue) throw new ArgumentException($"--silo-port must be 1-65535, got {SiloPort}");
        if (GatewayPort is < 0 or > ushort.MaxValue) throw new ArgumentException($"--gateway-port must be 0-65535, got {GatewayPort}");
    }
}
