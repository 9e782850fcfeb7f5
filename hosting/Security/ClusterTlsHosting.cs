// Mutual TLS on an Orleans silo (its silo port, its gateway, its connections to other silos) and on a client (its
// connections to gateways), with Microsoft.Orleans.Connections.Security: each side presents its certificate, requires
// the other's, and accepts it only when it chains to the cluster's CA (ClusterCertificateValidator). A connection that
// fails that is closed in the handshake; nothing of Orleans' protocol is exchanged on it.
using Orleans.Connections.Security;

namespace SweepCluster.Hosting.Security;

public static class ClusterTlsHosting
{
    /// <summary>Every connection of this silo, in and out, is mutual TLS with <paramref name="certificates"/>.</summary>
    public static ISiloBuilder UseSweepClusterTls(this ISiloBuilder silo, ClusterCertificates certificates) =>
        silo.UseTls(options => Configure(options, certificates));

    /// <summary>Every connection of this client to a gateway is mutual TLS with <paramref name="certificates"/>.</summary>
    public static IClientBuilder UseSweepClusterTls(this IClientBuilder client, ClusterCertificates certificates) =>
        client.UseTls(options => Configure(options, certificates));

    private static void Configure(TlsOptions options, ClusterCertificates certificates)
    {
        options.LocalCertificate = certificates.Own;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.CheckCertificateRevocation = false; // the cluster's CA publishes no revocation list
        options.RemoteCertificateValidation = (certificate, chain, _) => certificates.Validator.IsTrusted(certificate, chain);
    }
}
