// Where a silo's or client's cluster certificates are: three PEM files (this member's certificate, its private key and
// the cluster's CA certificate) named by flags or SweepCluster__Tls__* environment variables, and the mode. Only paths:
// a private key's contents never pass through a command line, and no message prints them.
namespace SweepCluster.Hosting.Security;

public sealed class ClusterTlsSettings
{
    /// <summary>The configuration section under <see cref="SweepSiloOptions.Section"/>.</summary>
    public const string Section = "Tls";

    public const string ModeFlag = "--cluster-tls", CertificateFlag = "--tls-cert", KeyFlag = "--tls-key", CaFlag = "--tls-ca";

    /// <summary>The environment variables that set these settings (silo and CLI alike).</summary>
    public const string ModeVariable = "SweepCluster__Tls__Mode", CertificateVariable = "SweepCluster__Tls__Certificate",
        KeyVariable = "SweepCluster__Tls__Key", CaVariable = "SweepCluster__Tls__Ca";

    /// <summary>How to make certificates, as messages say it.</summary>
    public const string HowToMake = "make them with `sweep certs DIR HOST...` (docs/security.md)";

    public ClusterTlsMode Mode { get; set; } = ClusterTlsMode.Auto;

    /// <summary>This member's certificate (PEM), signed by the cluster's CA.</summary>
    public string? Certificate { get; set; }

    /// <summary>The private key of <see cref="Certificate"/> (PEM, unencrypted PKCS#8, PKCS#1 or SEC1).</summary>
    public string? Key { get; set; }

    /// <summary>The cluster's CA certificate (PEM): the only certificate a peer's must chain to.</summary>
    public string? Ca { get; set; }

    /// <summary>Whether any of the three files is named.</summary>
    public bool AnyFileNamed => !string.IsNullOrWhiteSpace(Certificate) || !string.IsNullOrWhiteSpace(Key) || !string.IsNullOrWhiteSpace(Ca);

    /// <summary>The flags (with their variables) of the files not named, e.g. "--tls-key (SweepCluster__Tls__Key)".</summary>
    public IReadOnlyList<string> MissingFiles() =>
    [
        .. string.IsNullOrWhiteSpace(Certificate) ? [$"{CertificateFlag} (${CertificateVariable})"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Key) ? [$"{KeyFlag} (${KeyVariable})"] : Array.Empty<string>(),
        .. string.IsNullOrWhiteSpace(Ca) ? [$"{CaFlag} (${CaVariable})"] : Array.Empty<string>(),
    ];

    /// <summary>Flags of these settings and the configuration keys they set.</summary>
    public static IReadOnlyDictionary<string, string> SwitchMappings(string parentSection) => new Dictionary<string, string>
    {
        [ModeFlag] = $"{parentSection}:{Section}:{nameof(Mode)}",
        [CertificateFlag] = $"{parentSection}:{Section}:{nameof(Certificate)}",
        [KeyFlag] = $"{parentSection}:{Section}:{nameof(Key)}",
        [CaFlag] = $"{parentSection}:{Section}:{nameof(Ca)}",
    };

    /// <summary>The mode's valid values, as messages list them.</summary>
    public static string ModeValues => string.Join(", ", Enum.GetNames<ClusterTlsMode>().Select(n => n.ToLowerInvariant()));

    /// <exception cref="ArgumentException">The mode is not defined; the message names the flag.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Mode)) throw new ArgumentException($"{ModeFlag} must be one of {ModeValues}, got {Mode}");
    }
}
