// Whether a silo uses TLS, and with which certificates: the rule of --cluster-tls. A silo that listens beyond loopback
// (PostgreSQL, Redis or Kubernetes clustering listen on every interface) must have certificates unless TLS is turned
// off explicitly; a loopback-only silo (localhost clustering: `sweep run`, a bare silo, the tests) needs none and uses
// them when given.
namespace SweepCluster.Hosting.Security;

public static class ClusterTlsRequirement
{
    /// <summary>Whether the silo's ports are reachable from other machines.</summary>
    public static bool ListensBeyondLoopback(SweepSiloOptions options) => options.Clustering != ClusteringKind.Localhost || options.Kubernetes;

    /// <summary>The certificates the silo uses, or null for no TLS.</summary>
    /// <exception cref="ArgumentException">Certificates are required and missing, or cannot be used; the message is one
    /// line naming what is missing, how to make certificates, and the explicit way out.</exception>
    public static ClusterCertificates? ForSilo(SweepSiloOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = options.Tls;
        tls.Validate();
        if (tls.Mode == ClusterTlsMode.Off) return null;
        var required = tls.Mode == ClusterTlsMode.On || ListensBeyondLoopback(options);
        if (!required && !tls.AnyFileNamed) return null;
        if (required && !tls.AnyFileNamed)
            throw new ArgumentException(MissingMessage(options, tls));
        return ClusterCertificates.Load(tls, clock);
    }

    /// <summary>For a client: the certificates when any file is named (all three are then needed), or when
    /// <c>--cluster-tls on</c> requires them; null for a plain connection.</summary>
    /// <exception cref="ArgumentException">As for <see cref="ForSilo"/>.</exception>
    public static ClusterCertificates? ForClient(ClusterTlsSettings tls, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        tls.Validate();
        if (tls.Mode == ClusterTlsMode.Off || tls.Mode == ClusterTlsMode.Auto && !tls.AnyFileNamed) return null;
        return ClusterCertificates.Load(tls, clock);
    }

    /// <summary>The warning a silo prints when it listens beyond loopback with TLS off.</summary>
    public static string? InsecureWarning(SweepSiloOptions options) =>
        options.Tls.Mode == ClusterTlsMode.Off && ListensBeyondLoopback(options)
            ? $"{ClusterTlsSettings.ModeFlag} off: silo and gateway connections are neither encrypted nor authenticated; " +
              "anyone who reaches ports " + $"{options.SiloPort} and {options.GatewayPort} can join this cluster and call its grains"
            : null;

    private static string MissingMessage(SweepSiloOptions options, ClusterTlsSettings tls)
    {
        var why = tls.Mode == ClusterTlsMode.On
            ? $"{ClusterTlsSettings.ModeFlag} on"
            : $"this silo listens beyond loopback (--clustering {options.Clustering.ToString().ToLowerInvariant()}{(options.Kubernetes ? ", --kubernetes true" : "")})";
        return $"{why} and needs cluster TLS certificates, but {string.Join(", ", tls.MissingFiles())} are not set; " +
               $"{ClusterTlsSettings.HowToMake}, or pass {ClusterTlsSettings.ModeFlag} off to run without TLS (unsafe: anyone who reaches its ports joins the cluster)";
    }
}
