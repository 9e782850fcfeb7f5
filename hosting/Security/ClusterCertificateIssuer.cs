// Makes a cluster's certificates with .NET's own APIs (CertificateRequest), no openssl: one CA, and one certificate
// per member (silo host or CLI user) signed by it. Keys are ECDSA P-256. A member's certificate serves as TLS server
// and client (a silo is both); its subject and alternative name are its host name, for people reading it: peers
// do not check names (ClusterCertificateValidator).
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SweepCluster.Hosting.Security;

public static class ClusterCertificateIssuer
{
    /// <summary>Extended key usage object identifiers: TLS server and TLS client authentication.</summary>
    public const string ServerAuthentication = "1.3.6.1.5.5.7.3.1", ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    /// <summary>How long a new CA is valid.</summary>
    public static readonly TimeSpan AuthorityLifetime = TimeSpan.FromDays(3650);

    /// <summary>How long a member's certificate is valid by default (<c>sweep certs --days</c>).</summary>
    public const int DefaultMemberDays = 825;

    /// <summary>Validity starts this long before now, so that a peer whose clock is a little behind accepts it.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const int SerialNumberBytes = 16;

    /// <summary>A new self-signed CA certificate, with its private key.</summary>
    public static X509Certificate2 CreateAuthority(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request.CreateSelfSigned(now - ClockSkew, now + AuthorityLifetime);
    }

    /// <summary>A member's certificate signed by <paramref name="authority"/> (which must hold its private key), with its own private key.</summary>
    /// <param name="host">The member's name: its subject and DNS name (or IP address, when it is one).</param>
    /// <param name="lifetime">How long it is valid; cut to the CA's own end.</param>
    /// <exception cref="ArgumentException">The CA has no private key.</exception>
    public static X509Certificate2 IssueMember(X509Certificate2 authority, string host, TimeSpan lifetime, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(authority);
        if (!authority.HasPrivateKey) throw new ArgumentException($"the CA certificate {authority.Subject} has no private key to sign with");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={host}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthentication), new Oid(ClientAuthentication)], critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(host, out var address)) names.AddIpAddress(address);
        else names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        var notAfter = Min(now + lifetime, authority.NotAfter.ToUniversalTime());
        var notBefore = Max(now - ClockSkew, authority.NotBefore.ToUniversalTime());
        using var issued = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(SerialNumberBytes));
        return issued.CopyWithPrivateKey(key);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
