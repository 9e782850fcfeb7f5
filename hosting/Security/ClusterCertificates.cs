// A cluster member's TLS identity, loaded from its PEM files: its own certificate with the private key, and the
// cluster's CA certificate(s), the only trust anchors for its peers. Loading checks what would otherwise fail later in
// every handshake with a vague error: the files exist and parse, the key matches, the certificate is within its
// validity and chains to the CA, and it may serve as both TLS server and client (a silo is both).
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Hosting.Security;

public sealed class ClusterCertificates
{
    private ClusterCertificates(X509Certificate2 own, X509Certificate2Collection authorities, string certificatePath)
    {
        Own = own;
        Authorities = authorities;
        Validator = new ClusterCertificateValidator(authorities);
        CertificatePath = certificatePath;
    }

    /// <summary>This member's certificate, with its private key.</summary>
    public X509Certificate2 Own { get; }

    /// <summary>The cluster's CA certificate(s): a peer's certificate must chain to one of them.</summary>
    public X509Certificate2Collection Authorities { get; }

    /// <summary>Checks a peer's certificate against <see cref="Authorities"/>.</summary>
    public ClusterCertificateValidator Validator { get; }

    /// <summary>Where <see cref="Own"/> was read from, for messages.</summary>
    public string CertificatePath { get; }

    /// <summary>"CN=silo1 (until 2029-03-01), CA CN=sweepcluster CA", for a start-up line.</summary>
    public string Describe() =>
        $"{Own.Subject} (until {Own.NotAfter.ToUniversalTime():yyyy-MM-dd}), CA {string.Join(" / ", Authorities.Select(a => a.Subject))}";

    /// <summary>Loads the three files of <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">A file is missing, unreadable or not what it should be, or the certificate
    /// does not fit the CA; the message names the flag, the file and what would be valid (never a key's contents).</exception>
    public static ClusterCertificates Load(ClusterTlsSettings settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var missing = settings.MissingFiles();
        if (missing.Count > 0) throw new ArgumentException($"cluster TLS needs three PEM files; missing: {string.Join(", ", missing)}; {ClusterTlsSettings.HowToMake}");
        var certificatePath = RequireFile(settings.Certificate!, ClusterTlsSettings.CertificateFlag);
        var keyPath = RequireFile(settings.Key!, ClusterTlsSettings.KeyFlag);
        var caPath = RequireFile(settings.Ca!, ClusterTlsSettings.CaFlag);
        var authorities = LoadAuthorities(caPath);
        var own = LoadOwn(certificatePath, keyPath);
        RequireBothUsages(own, certificatePath);
        var verdict = new ClusterCertificateValidator(authorities, clock).Check(own);
        if (!verdict.Trusted)
            throw new ArgumentException($"{ClusterTlsSettings.CertificateFlag} {certificatePath}: {verdict.Reason} (CA from {ClusterTlsSettings.CaFlag} {caPath}); " +
                                        $"use a certificate issued by this cluster's CA: {ClusterTlsSettings.HowToMake}");
        return new ClusterCertificates(own, authorities, certificatePath);
    }

    private static string RequireFile(string path, string flag)
    {
        var full = Path.GetFullPath(path.Trim());
        if (!File.Exists(full)) throw new ArgumentException($"{flag} {full}: no such file (a PEM file; {ClusterTlsSettings.HowToMake})");
        return full;
    }

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception error) when (error is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{ClusterTlsSettings.CaFlag} {path}: cannot read a CA certificate: {error.Message}", error);
        }
        if (authorities.Count == 0)
            throw new ArgumentException($"{ClusterTlsSettings.CaFlag} {path}: no certificate in it (a PEM file with '-----BEGIN CERTIFICATE-----')");
        var notAuthority = authorities.FirstOrDefault(a => a.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true });
        if (notAuthority is not null)
            throw new ArgumentException($"{ClusterTlsSettings.CaFlag} {path}: {notAuthority.Subject} is not a CA certificate (basic constraints CA:TRUE): " +
                                        $"give the cluster's ca.crt, not a member's certificate");
        return authorities;
    }

    private static X509Certificate2 LoadOwn(string certificatePath, string keyPath)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The runtime's messages name no file and never the key's contents.
            throw new ArgumentException($"{ClusterTlsSettings.CertificateFlag} {certificatePath} with {ClusterTlsSettings.KeyFlag} {keyPath}: " +
                                        $"cannot load the certificate with its private key ({error.Message.TrimEnd('.')}); both must be PEM, " +
                                        "the key unencrypted and the one the certificate was issued for", error);
        }
    }

    // A silo is a TLS server (its ports) and client (its connections to other silos); a CLI is a client. A certificate
    // without an extended key usage may serve as both; one with it must list both.
    private static void RequireBothUsages(X509Certificate2 certificate, string path)
    {
        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is not { } usages) return;
        var listed = usages.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value).ToHashSet();
        if (listed.Contains(ClusterCertificateIssuer.ServerAuthentication) && listed.Contains(ClusterCertificateIssuer.ClientAuthentication)) return;
        throw new ArgumentException($"{ClusterTlsSettings.CertificateFlag} {path}: its extended key usage must include both TLS server and client " +
                                    $"authentication (cluster members are both); {ClusterTlsSettings.HowToMake}");
    }
}
